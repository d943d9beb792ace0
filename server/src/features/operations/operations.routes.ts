import {
  CONFLICT_STATUSES,
  Conflict,
  ConflictResolution,
  Invitation,
  Message,
  NewMessage,
  NewOperation,
  NewRegisterEntry,
  NewResult,
  NewTarget,
  NewTask,
  OPERATION_STATUSES,
  Operation,
  OperationSummary,
  OperationTransition,
  ParticipationAnswer,
  PublicSummary,
  RegisterEntry,
  Result,
  ResultsDashboard,
  type Role,
  Target,
  TargetPatch,
  Task,
  TaskPatch,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { OperationsFeature } from './index.ts';

/** Who reads operations, and who plans and works them. */
export const OPS_READERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance', 'case-worker', 'hub-reviewer'];
export const OPS_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance'];
const read = { auth: { roles: OPS_READERS, scopes: ['operations:read' as const] } };
const write = { auth: { roles: OPS_WRITERS, scopes: ['operations:write' as const] } };
const tags = ['operations'];
const Id = Type.Object({ id: Uuid });

export const operationsRoutes: FastifyPluginAsyncTypebox<{ ops: OperationsFeature }> = async (app, { ops }) => {
  app.post(
    '/api/operations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan an operation (my agency leads)',
        body: NewOperation,
        response: { 201: Operation },
      },
    },
    async (req, reply) => reply.status(201).send(await ops.operations.create(viewerOf(req), req.body, req.id)),
  );
  app.get(
    '/api/operations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Operations my agency leads, takes part in or is invited to',
        querystring: Type.Object(
          { status: Type.Optional(Type.Enum(OPERATION_STATUSES)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(OperationSummary) },
      },
    },
    (req) => ops.operations.list(viewerOf(req), req.query),
  );
  app.get(
    '/api/operations/:id',
    {
      config: read,
      schema: { tags, summary: 'An operation (header and participants)', params: Id, response: { 200: Operation } },
    },
    (req) => ops.operations.get(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/status',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move the operation on (lead)',
        params: Id,
        body: OperationTransition,
        response: { 200: Operation },
      },
    },
    (req) => ops.operations.transition(viewerOf(req), req.params.id, req.body.status, req.id),
  );
  app.post(
    '/api/operations/:id/invitations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Invite more agencies (lead)',
        params: Id,
        body: Invitation,
        response: { 200: Operation },
      },
    },
    (req) => ops.operations.invite(viewerOf(req), req.params.id, req.body.agencyIds, req.id),
  );
  app.post(
    '/api/operations/:id/participation',
    {
      config: write,
      schema: {
        tags,
        summary: 'Accept or decline an invitation',
        params: Id,
        body: ParticipationAnswer,
        response: { 200: Operation },
      },
    },
    (req) => ops.operations.answer(viewerOf(req), req.params.id, req.body, req.id),
  );
  app.get(
    '/api/operations/:id/targets',
    {
      config: read,
      schema: { tags, summary: 'Targets (participants)', params: Id, response: { 200: Type.Array(Target) } },
    },
    (req) => ops.targets.targets(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/targets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a target from intelligence or a selector; deconfliction runs at once',
        params: Id,
        body: NewTarget,
        response: { 201: Target },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ops.targets.addTarget(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.patch(
    '/api/operations/:id/targets/:targetId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a target’s priority or status (its owner or the lead)',
        params: Type.Object({ id: Uuid, targetId: Uuid }),
        body: TargetPatch,
        response: { 200: Target },
      },
    },
    (req) => ops.targets.patchTarget(viewerOf(req), req.params.id, req.params.targetId, req.body, req.id),
  );
  app.get(
    '/api/operations/conflicts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Deconfliction conflicts of my agency (the other side: agency and contact point only)',
        querystring: Type.Object(
          { operationId: Type.Optional(Uuid), status: Type.Optional(Type.Enum(CONFLICT_STATUSES)) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Conflict) },
      },
    },
    (req) => ops.conflicts.conflicts(viewerOf(req), req.query),
  );
  app.post(
    '/api/operations/conflicts/:id/acknowledge',
    {
      config: write,
      schema: { tags, summary: 'Acknowledge a conflict for my agency', params: Id, response: { 200: Conflict } },
    },
    (req) => ops.conflicts.acknowledge(viewerOf(req), req.params.id, req.id),
  );
  app.post(
    '/api/operations/conflicts/:id/resolve',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record how a conflict was resolved (after both acknowledged)',
        params: Id,
        body: ConflictResolution,
        response: { 200: Conflict },
      },
    },
    (req) => ops.conflicts.resolve(viewerOf(req), req.params.id, req.body.resolution, req.id),
  );
  app.get(
    '/api/operations/register',
    {
      config: read,
      schema: { tags, summary: 'My agency’s deconfliction register', response: { 200: Type.Array(RegisterEntry) } },
    },
    (req) => ops.registry.entries(viewerOf(req)),
  );
  app.post(
    '/api/operations/register',
    {
      config: write,
      schema: {
        tags,
        summary: 'List a selector or entity my agency works on',
        body: NewRegisterEntry,
        response: { 201: RegisterEntry },
      },
    },
    async (req, reply) => reply.status(201).send(await ops.registry.addRegisterEntry(viewerOf(req), req.body, req.id)),
  );
  app.delete(
    '/api/operations/register/:id',
    { config: write, schema: { tags, summary: 'Withdraw a register entry', params: Id } },
    async (req, reply) => {
      await ops.registry.withdrawRegisterEntry(viewerOf(req), req.params.id, req.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/operations/:id/tasks',
    {
      config: read,
      schema: { tags, summary: 'Tasks (participants)', params: Id, response: { 200: Type.Array(Task) } },
    },
    (req) => ops.tasks.tasks(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/tasks',
    {
      config: write,
      schema: {
        tags,
        summary: 'Assign a task to a participating agency',
        params: Id,
        body: NewTask,
        response: { 201: Task },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ops.tasks.addTask(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.patch(
    '/api/operations/:id/tasks/:taskId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a task’s status',
        params: Type.Object({ id: Uuid, taskId: Uuid }),
        body: TaskPatch,
        response: { 200: Task },
      },
    },
    (req) => ops.tasks.patchTask(viewerOf(req), req.params.id, req.params.taskId, req.body.status, req.id),
  );
  app.get(
    '/api/operations/:id/messages',
    {
      config: read,
      schema: {
        tags,
        summary: 'The operation channel (participants; reads are audited)',
        params: Id,
        response: { 200: Type.Array(Message) },
      },
    },
    (req) => ops.channel.messages(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/messages',
    {
      config: write,
      schema: {
        tags,
        summary: 'Post to the operation channel',
        params: Id,
        body: NewMessage,
        response: { 201: Message },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ops.channel.post(viewerOf(req), req.params.id, req.body.body, req.id)),
  );
  app.get(
    '/api/operations/:id/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Results dashboard: totals, by country, over time',
        params: Id,
        response: { 200: ResultsDashboard },
      },
    },
    (req) => ops.results.dashboard(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/results',
    {
      config: write,
      schema: { tags, summary: 'Report my agency’s results', params: Id, body: NewResult, response: { 201: Result } },
    },
    async (req, reply) =>
      reply.status(201).send(await ops.results.report(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.get(
    '/api/operations/:id/public-summary',
    {
      config: read,
      schema: { tags, summary: 'TLP:CLEAR summary, numbers only', params: Id, response: { 200: PublicSummary } },
    },
    (req) => ops.results.publicSummary(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/public-summary/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Publish the summary on the public API (lead)',
        params: Id,
        response: { 200: PublicSummary },
      },
    },
    (req) => ops.results.publishSummary(viewerOf(req), req.params.id, req.id),
  );
  app.get(
    '/api/public/operations/summaries',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Published operation summaries (public, numbers only)',
        response: { 200: Type.Array(PublicSummary) },
      },
    },
    () => ops.results.publishedSummaries(),
  );
};
