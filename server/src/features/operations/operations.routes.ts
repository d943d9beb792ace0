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
import { created, noContent, routeOptions } from '../../platform/http/routes.ts';
import type { OperationsFeature } from './index.ts';

/** Who reads operations, and who plans and works them. */
export const OPS_READERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance', 'case-worker', 'hub-reviewer'];
export const OPS_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance'];
const read = { auth: { roles: OPS_READERS, scopes: ['operations:read' as const] } };
const write = { auth: { roles: OPS_WRITERS, scopes: ['operations:write' as const] } };
const route = routeOptions(['operations'], { read, write, public: { auth: 'public' as const } });
const Id = Type.Object({ id: Uuid });

export const operationsRoutes: FastifyPluginAsyncTypebox<{ ops: OperationsFeature }> = async (app, { ops }) => {
  app.post(
    '/api/operations',
    route('write', 'Plan an operation (my agency leads)', { body: NewOperation, response: { 201: Operation } }),
    (req, reply) => created(reply, ops.operations.create(viewerOf(req), req.body, req.id)),
  );
  app.get(
    '/api/operations',
    route('read', 'Operations my agency leads, takes part in or is invited to', {
      querystring: Type.Object(
        { status: Type.Optional(Type.Enum(OPERATION_STATUSES)) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Array(OperationSummary) },
    }),
    (req) => ops.operations.list(viewerOf(req), req.query),
  );
  app.get(
    '/api/operations/:id',
    route('read', 'An operation (header and participants)', { params: Id, response: { 200: Operation } }),
    (req) => ops.operations.get(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/status',
    route('write', 'Move the operation on (lead)', {
      params: Id,
      body: OperationTransition,
      response: { 200: Operation },
    }),
    (req) => ops.operations.transition(viewerOf(req), req.params.id, req.body.status, req.id),
  );
  app.post(
    '/api/operations/:id/invitations',
    route('write', 'Invite more agencies (lead)', { params: Id, body: Invitation, response: { 200: Operation } }),
    (req) => ops.operations.invite(viewerOf(req), req.params.id, req.body.agencyIds, req.id),
  );
  app.post(
    '/api/operations/:id/participation',
    route('write', 'Accept or decline an invitation', {
      params: Id,
      body: ParticipationAnswer,
      response: { 200: Operation },
    }),
    (req) => ops.operations.answer(viewerOf(req), req.params.id, req.body, req.id),
  );
  app.get(
    '/api/operations/:id/targets',
    route('read', 'Targets (participants)', { params: Id, response: { 200: Type.Array(Target) } }),
    (req) => ops.targets.targets(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/targets',
    route('write', 'Add a target from intelligence or a selector; deconfliction runs at once', {
      params: Id,
      body: NewTarget,
      response: { 201: Target },
    }),
    (req, reply) => created(reply, ops.targets.addTarget(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.patch(
    '/api/operations/:id/targets/:targetId',
    route('write', 'Change a target’s priority or status (its owner or the lead)', {
      params: Type.Object({ id: Uuid, targetId: Uuid }),
      body: TargetPatch,
      response: { 200: Target },
    }),
    (req) => ops.targets.patchTarget(viewerOf(req), req.params.id, req.params.targetId, req.body, req.id),
  );
  app.get(
    '/api/operations/conflicts',
    route('read', 'Deconfliction conflicts of my agency (the other side: agency and contact point only)', {
      querystring: Type.Object(
        { operationId: Type.Optional(Uuid), status: Type.Optional(Type.Enum(CONFLICT_STATUSES)) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Array(Conflict) },
    }),
    (req) => ops.conflicts.conflicts(viewerOf(req), req.query),
  );
  app.post(
    '/api/operations/conflicts/:id/acknowledge',
    route('write', 'Acknowledge a conflict for my agency', { params: Id, response: { 200: Conflict } }),
    (req) => ops.conflicts.acknowledge(viewerOf(req), req.params.id, req.id),
  );
  app.post(
    '/api/operations/conflicts/:id/resolve',
    route('write', 'Record how a conflict was resolved (after both acknowledged)', {
      params: Id,
      body: ConflictResolution,
      response: { 200: Conflict },
    }),
    (req) => ops.conflicts.resolve(viewerOf(req), req.params.id, req.body.resolution, req.id),
  );
  app.get(
    '/api/operations/register',
    route('read', 'My agency’s deconfliction register', { response: { 200: Type.Array(RegisterEntry) } }),
    (req) => ops.registry.entries(viewerOf(req)),
  );
  app.post(
    '/api/operations/register',
    route('write', 'List a selector or entity my agency works on', {
      body: NewRegisterEntry,
      response: { 201: RegisterEntry },
    }),
    (req, reply) => created(reply, ops.registry.addRegisterEntry(viewerOf(req), req.body, req.id)),
  );
  app.delete(
    '/api/operations/register/:id',
    route('write', 'Withdraw a register entry', { params: Id }),
    (req, reply) => noContent(reply, ops.registry.withdrawRegisterEntry(viewerOf(req), req.params.id, req.id)),
  );
  app.get(
    '/api/operations/:id/tasks',
    route('read', 'Tasks (participants)', { params: Id, response: { 200: Type.Array(Task) } }),
    (req) => ops.tasks.tasks(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/tasks',
    route('write', 'Assign a task to a participating agency', { params: Id, body: NewTask, response: { 201: Task } }),
    (req, reply) => created(reply, ops.tasks.addTask(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.patch(
    '/api/operations/:id/tasks/:taskId',
    route('write', 'Change a task’s status', {
      params: Type.Object({ id: Uuid, taskId: Uuid }),
      body: TaskPatch,
      response: { 200: Task },
    }),
    (req) => ops.tasks.patchTask(viewerOf(req), req.params.id, req.params.taskId, req.body.status, req.id),
  );
  app.get(
    '/api/operations/:id/messages',
    route('read', 'The operation channel (participants; reads are audited)', {
      params: Id,
      response: { 200: Type.Array(Message) },
    }),
    (req) => ops.channel.messages(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/messages',
    route('write', 'Post to the operation channel', { params: Id, body: NewMessage, response: { 201: Message } }),
    (req, reply) => created(reply, ops.channel.post(viewerOf(req), req.params.id, req.body.body, req.id)),
  );
  app.get(
    '/api/operations/:id/results',
    route('read', 'Results dashboard: totals, by country, over time', {
      params: Id,
      response: { 200: ResultsDashboard },
    }),
    (req) => ops.results.dashboard(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/results',
    route('write', 'Report my agency’s results', { params: Id, body: NewResult, response: { 201: Result } }),
    (req, reply) => created(reply, ops.results.report(viewerOf(req), req.params.id, req.body, req.id)),
  );
  app.get(
    '/api/operations/:id/public-summary',
    route('read', 'TLP:CLEAR summary, numbers only', { params: Id, response: { 200: PublicSummary } }),
    (req) => ops.results.publicSummary(viewerOf(req), req.params.id),
  );
  app.post(
    '/api/operations/:id/public-summary/publish',
    route('write', 'Publish the summary on the public API (lead)', { params: Id, response: { 200: PublicSummary } }),
    (req) => ops.results.publishSummary(viewerOf(req), req.params.id, req.id),
  );
  app.get(
    '/api/public/operations/summaries',
    route('public', 'Published operation summaries (public, numbers only)', {
      response: { 200: Type.Array(PublicSummary) },
    }),
    () => ops.results.publishedSummaries(),
  );
};
