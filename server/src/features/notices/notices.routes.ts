import {
  Diffusion,
  NewDiffusion,
  NOTICE_STATUSES,
  NOTICE_TYPES,
  NoticeCancel,
  NoticeDraft,
  NoticeReview,
  NoticeSummary,
  NoticeWithHistory,
  PublicNoticeExtract,
  type Role,
  SELECTOR_KINDS,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import { created, routeOptions } from '../../platform/http/routes.ts';
import type { NoticesFeature } from './index.ts';

export const NOTICE_READERS: Role[] = [
  'analyst',
  'investigator',
  'supervisor',
  'finance',
  'case-worker',
  'hub-reviewer',
];
/** Drafting, submitting, cancelling and sending diffusions. */
export const NOTICE_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor'];
export const NOTICE_REVIEWERS: Role[] = ['hub-reviewer'];
const read = { auth: { roles: NOTICE_READERS, scopes: ['notices:read' as const] } };
const write = { auth: { roles: NOTICE_WRITERS, scopes: ['notices:write' as const] } };
const review = { auth: { roles: NOTICE_REVIEWERS } };
const cancel = { auth: { roles: [...NOTICE_WRITERS, 'hub-reviewer'] as Role[], scopes: ['notices:write' as const] } };
const route = routeOptions(['notices'], { read, write, review, cancel, public: { auth: 'public' as const } });
const Id = Type.Object({ id: Uuid });

export const noticesRoutes: FastifyPluginAsyncTypebox<{ notices: NoticesFeature }> = async (app, { notices }) => {
  app.post(
    '/api/notices',
    route('write', 'Draft a notice (required fields per type are checked on submission)', {
      body: NoticeDraft,
      response: { 201: NoticeWithHistory },
    }),
    (req, reply) => created(reply, notices.notices.create(viewerOf(req), req.body, req.id)),
  );
  app.get(
    '/api/notices',
    route('read', 'Search notices I may see: by type, status, words, linked entity or selector', {
      querystring: Type.Object(
        {
          type: Type.Optional(Type.Enum(NOTICE_TYPES)),
          status: Type.Optional(Type.Enum(NOTICE_STATUSES)),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          mine: Type.Optional(Type.Boolean()),
          entityId: Type.Optional(Uuid),
          selectorKind: Type.Optional(Type.Enum(SELECTOR_KINDS)),
          selectorValue: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Array(NoticeSummary) },
    }),
    (req) => {
      const { selectorKind, selectorValue, ...f } = req.query;
      return notices.search.list(viewerOf(req), {
        ...f,
        limit: f.limit ?? 50,
        offset: f.offset ?? 0,
        ...(selectorKind && selectorValue ? { selector: { kind: selectorKind, value: selectorValue } } : {}),
      });
    },
  );
  app.get(
    '/api/notices/review-queue',
    route('review', 'Submitted notices awaiting review (hub), oldest first', {
      response: { 200: Type.Array(NoticeSummary) },
    }),
    (req) => notices.search.reviewQueue(viewerOf(req)),
  );
  app.get(
    '/api/notices/about-entity/:id',
    route('read', 'Notices about an intelligence entity (by id or its selector)', {
      params: Id,
      response: { 200: Type.Array(NoticeSummary) },
    }),
    (req) => notices.search.aboutEntity(viewerOf(req), req.params.id),
  );
  app.get(
    '/api/notices/diffusions',
    route('read', 'Diffusions my agency sent or received', { response: { 200: Type.Array(Diffusion) } }),
    (req) => notices.diffusions.diffusions(viewerOf(req)),
  );
  app.post(
    '/api/notices/diffusions',
    route('write', 'Send a diffusion to chosen agencies (no review)', {
      body: NewDiffusion,
      response: { 201: Diffusion },
    }),
    (req, reply) => created(reply, notices.diffusions.diffuse(viewerOf(req), req.body, req.id)),
  );
  app.get(
    '/api/notices/diffusions/:id',
    route('read', 'A diffusion', { params: Id, response: { 200: Diffusion } }),
    (req) => notices.diffusions.diffusion(viewerOf(req), req.params.id),
  );
  app.get(
    '/api/notices/:id',
    route('read', 'A notice with its history', { params: Id, response: { 200: NoticeWithHistory } }),
    (req) => notices.notices.get(viewerOf(req), req.params.id),
  );
  app.put(
    '/api/notices/:id',
    route('write', 'Revise a draft or returned notice (a new revision)', {
      params: Id,
      body: NoticeDraft,
      response: { 200: NoticeWithHistory },
    }),
    (req) => notices.notices.update(viewerOf(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/notices/:id/submit',
    route('write', 'Submit for hub review', { params: Id, response: { 200: NoticeWithHistory } }),
    (req) => notices.notices.submit(viewerOf(req), req.params.id, req.id),
  );
  app.post(
    '/api/notices/:id/review',
    route('review', 'Publish or return a submitted notice, with the checklist', {
      params: Id,
      body: NoticeReview,
      response: { 200: NoticeWithHistory },
    }),
    (req) => notices.notices.review(viewerOf(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/notices/:id/cancel',
    route('cancel', 'Cancel a notice (requesting agency or hub)', {
      params: Id,
      body: NoticeCancel,
      response: { 200: NoticeWithHistory },
    }),
    (req) => notices.notices.cancel(viewerOf(req), req.params.id, req.body.reason, req.id),
  );
  app.get(
    '/api/public/notices',
    route('public', 'Public extracts of published notices (public portal)', {
      response: { 200: Type.Array(PublicNoticeExtract) },
    }),
    () => notices.search.publicExtracts(),
  );
};
