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
import type { FastifySchema } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
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
  /**
   * A write on one object named by `:id` with a JSON body: the service gets the viewer, the id, the
   * body and the request id (for the audit record); its answer is sent with `status`.
   */
  const command = <B extends TSchema, R extends TSchema>(
    url: string,
    o: { summary: string; body: B; response: R; status?: 200 | 201; bodyLimit?: number },
    run: (viewer: Viewer, id: string, body: Static<B>, opts: { requestId: string }) => Promise<Static<R>>,
  ) => {
    const status = o.status ?? 200;
    // Typed here, not by the type provider: the schema validates (params, body) and serialises (response).
    const schema: FastifySchema = {
      tags,
      summary: o.summary,
      params: CaseParams,
      body: o.body,
      response: { [status]: o.response },
    };
    app.post(
      url,
      { config: write, ...(o.bodyLimit ? { bodyLimit: o.bodyLimit } : {}), schema },
      async (request, reply) => {
        const { id } = request.params as Static<typeof CaseParams>;
        const out = await run(viewerOf(request), id, request.body as Static<B>, { requestId: request.id });
        return reply.status(status).send(out);
      },
    );
  };
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
  command(
    '/api/rescue/cases/:id/transitions',
    {
      summary: 'Take the next step of the protocol (refused with the reason when illegal)',
      body: RescueTransition,
      response: RescueCase,
    },
    (viewer, id, body, opts) => svc.transition(viewer, id, body, opts),
  );
  command(
    '/api/rescue/cases/:id/team',
    { summary: 'Add an agency to the case team', body: NewTeamMember, response: RescueCase },
    (viewer, id, body, opts) => svc.addTeamMember(viewer, id, body, opts),
  );
  command(
    '/api/rescue/cases/:id/handoff',
    { summary: 'Hand the case to another team agency (notified live)', body: Handoff, response: RescueCase },
    (viewer, id, body, opts) => svc.handoff(viewer, id, body, opts),
  );
  command(
    '/api/rescue/cases/:id/persons',
    {
      summary:
        'Register persons (mass rescue fast form): per-row errors, idempotent by row key, matched against open cases',
      body: BulkPersons,
      response: BulkRegistration,
      bodyLimit: BULK_LIMIT,
    },
    (viewer, id, body, opts) => svc.register(viewer, id, body.rows, opts),
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
  command(
    '/api/rescue/persons/:id/screening',
    {
      summary: 'Record a victim identification screening: determination and non-punishment flag',
      body: NewScreening,
      response: RescuePerson,
    },
    (viewer, id, body, opts) => svc.screen(viewer, id, body, opts),
  );
  command(
    '/api/rescue/cases/:id/batches',
    { summary: 'Plan a repatriation batch of one nationality', body: NewBatch, response: Batch, status: 201 },
    (viewer, id, body, opts) => svc.createBatch(viewer, id, body, opts),
  );
  command(
    '/api/rescue/batches/:id/advance',
    { summary: 'Move a batch on: documents, transport, departure, reception', body: BatchAdvance, response: Batch },
    (viewer, id, body, opts) => svc.advanceBatch(viewer, id, body, opts),
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
