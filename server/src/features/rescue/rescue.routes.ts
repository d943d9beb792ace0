import {
  Batch,
  BatchAdvance,
  BulkPersons,
  BulkRegistration,
  Handoff,
  NewBatch,
  NewRescueCase,
  NewScreening,
  NewTeamMember,
  RepatriationDashboard,
  RescueBoard,
  RescueCase,
  RescuePerson,
  RescueTransition,
  type Role,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { RescueFeature } from './index.ts';
import { ALL_STAGES, REQUIRES, STEP_FIELDS, TRANSITIONS } from './protocol.ts';

/** Who works rescue cases: police, case workers (consulates, NGOs) and the hub's reviewers. */
export const RESCUE_READERS: Role[] = ['investigator', 'supervisor', 'case-worker', 'analyst', 'hub-reviewer'];
export const RESCUE_WRITERS: Role[] = ['investigator', 'supervisor', 'case-worker'];
const read = { auth: { roles: RESCUE_READERS, scopes: ['rescue:read' as const] } };
const write = { auth: { roles: RESCUE_WRITERS, scopes: ['rescue:write' as const] } };
/** Drafting a notice from a case: case workers who may also draft notices (police of the team). */
export const YELLOW_DRAFTERS: Role[] = ['investigator', 'supervisor'];
const tags = ['rescue'];
const CaseParams = Type.Object({ id: Uuid });
/** Mass registration: 10,000 rows of a raid in one request. */
const BULK_LIMIT = 16 * 1024 * 1024;

export const rescueRoutes: FastifyPluginAsyncTypebox<{ rescue: RescueFeature }> = async (app, { rescue }) => {
  const svc = rescue.cases;
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: BULK_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/rescue/protocol',
    { config: read, schema: { tags, summary: 'The protocol: stages, transitions, requirements, deadlines (hours)' } },
    () => ({
      stages: ALL_STAGES,
      transitions: TRANSITIONS.map((t) => ({
        from: t.from,
        to: t.to,
        parties: t.actors.parties,
        roles: t.actors.roles,
      })),
      requires: REQUIRES,
      fields: STEP_FIELDS,
      deadlines: rescue.deadlines,
    }),
  );
  app.get(
    '/api/rescue/cases',
    {
      config: read,
      schema: {
        tags,
        summary: 'The case board: cases of my team (all cases for the hub), counts only',
        querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: RescueBoard },
      },
    },
    (request) => svc.board(viewerOf(request), request.query),
  );
  app.post(
    '/api/rescue/cases',
    {
      config: write,
      schema: { tags, summary: 'Open a rescue case', body: NewRescueCase, response: { 201: RescueCase } },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.open(viewerOf(request), request.body, { requestId: request.id })),
  );
  app.get(
    '/api/rescue/cases/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A case: persons my party may see, team, timeline, next steps (the view is audited)',
        params: CaseParams,
        response: { 200: RescueCase },
      },
    },
    (request) => svc.get(viewerOf(request), request.params.id, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/transitions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Take the next step of the protocol (refused with the reason when illegal)',
        params: CaseParams,
        body: RescueTransition,
        response: { 200: RescueCase },
      },
    },
    (request) => svc.transition(viewerOf(request), request.params.id, request.body, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/team',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an agency to the case team',
        params: CaseParams,
        body: NewTeamMember,
        response: { 200: RescueCase },
      },
    },
    (request) => svc.addTeamMember(viewerOf(request), request.params.id, request.body, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/handoff',
    {
      config: write,
      schema: {
        tags,
        summary: 'Hand the case to another team agency (notified live)',
        params: CaseParams,
        body: Handoff,
        response: { 200: RescueCase },
      },
    },
    (request) => svc.handoff(viewerOf(request), request.params.id, request.body, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/persons',
    {
      config: write,
      bodyLimit: BULK_LIMIT,
      schema: {
        tags,
        summary:
          'Register persons (mass rescue fast form): per-row errors, idempotent by row key, matched against open cases',
        params: CaseParams,
        body: BulkPersons,
        response: { 200: BulkRegistration },
      },
    },
    (request) => svc.register(viewerOf(request), request.params.id, request.body.rows, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/persons/csv',
    {
      config: write,
      bodyLimit: BULK_LIMIT,
      schema: {
        tags,
        summary:
          'Register persons from a CSV file (text/csv; header: row_key,name,aliases,nationality,date_of_birth,age,minor,gender,languages,contacts,description)',
        params: CaseParams,
        response: { 200: BulkRegistration },
      },
    },
    (request) =>
      svc.registerCsv(viewerOf(request), request.params.id, String(request.body ?? ''), { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/persons/:personId/yellow-notice',
    {
      config: { auth: { roles: YELLOW_DRAFTERS, scopes: ['notices:write'] } },
      schema: {
        tags,
        summary: 'Draft a Yellow Notice (missing person) from a person of the case; answers the draft notice id',
        params: Type.Object({ id: Uuid, personId: Uuid }),
        response: { 201: Type.Object({ noticeId: Uuid }, { additionalProperties: false }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await svc.draftYellowNotice(viewerOf(request), request.params.id, request.params.personId, {
          requestId: request.id,
        }),
      ),
  );
  app.post(
    '/api/rescue/persons/:id/screening',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a victim identification screening: determination and non-punishment flag',
        params: CaseParams,
        body: NewScreening,
        response: { 200: RescuePerson },
      },
    },
    (request) => svc.screen(viewerOf(request), request.params.id, request.body, { requestId: request.id }),
  );
  app.post(
    '/api/rescue/cases/:id/batches',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan a repatriation batch of one nationality',
        params: CaseParams,
        body: NewBatch,
        response: { 201: Batch },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await svc.createBatch(viewerOf(request), request.params.id, request.body, { requestId: request.id })),
  );
  app.post(
    '/api/rescue/batches/:id/advance',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move a batch on: documents, transport, departure, reception',
        params: CaseParams,
        body: BatchAdvance,
        response: { 200: Batch },
      },
    },
    (request) => svc.advanceBatch(viewerOf(request), request.params.id, request.body, { requestId: request.id }),
  );
  app.get(
    '/api/rescue/dashboard',
    {
      config: read,
      schema: {
        tags,
        summary: 'Repatriation dashboard: counts by nationality and stage (never names)',
        querystring: Type.Object({ caseId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: RepatriationDashboard },
      },
    },
    (request) => svc.dashboard(viewerOf(request), request.query.caseId),
  );
};
