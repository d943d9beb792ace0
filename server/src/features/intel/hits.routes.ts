import { Alert, Hit, NewWatch, Uuid, Watch } from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { IntelFeature } from './index.ts';
import { read, write } from './intel.routes.ts';

const tags = ['intelligence'];
const Id = Type.Object({ id: Uuid });
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));

export const hitRoutes: FastifyPluginAsyncTypebox<{ intel: IntelFeature }> = async (app, { intel }) => {
  app.get(
    '/api/intel/hits',
    {
      config: read,
      schema: {
        tags,
        summary: "My agency's hits, newest first",
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'confirmed', 'rejected'])),
            entityId: Type.Optional(Uuid),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Hit) },
      },
    },
    (request) =>
      intel.hits.list(viewerOf(request), {
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
        ...request.query,
      }),
  );
  app.get('/api/intel/hits/:id', { config: read, schema: { tags, params: Id, response: { 200: Hit } } }, (request) =>
    intel.hits.get(viewerOf(request), request.params.id),
  );
  app.post(
    '/api/intel/hits/:id/decision',
    {
      config: write,
      schema: {
        tags,
        summary: 'Confirm or reject a fuzzy hit (person, scam centre)',
        params: Id,
        body: Type.Object({ decision: Type.Enum(['confirm', 'reject']), note: Note }, { additionalProperties: false }),
        response: { 200: Hit },
      },
    },
    (request) =>
      intel.hits.decide(
        viewerOf(request),
        request.params.id,
        request.body.decision,
        request.body.note ?? null,
        request.id,
      ),
  );
  app.post(
    '/api/intel/hits/:id/disclosure',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ask the holder to disclose the record behind a hit',
        params: Id,
        body: Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await intel.hits.requestDisclosure(viewerOf(request), request.params.id, request.body.reason, request.id),
        ),
  );
  app.get(
    '/api/intel/disclosures',
    {
      config: read,
      schema: {
        tags,
        querystring: Type.Object({ direction: Type.Enum(['incoming', 'outgoing']) }, { additionalProperties: false }),
      },
    },
    (request) => intel.hits.disclosures(viewerOf(request), request.query.direction),
  );
  app.post(
    '/api/intel/disclosures/:id/decision',
    {
      config: { auth: { roles: ['supervisor', 'analyst', 'investigator'] } },
      schema: {
        tags,
        summary: 'Approve or decline a disclosure request (holder)',
        params: Id,
        body: Type.Object({ approve: Type.Boolean(), note: Note }, { additionalProperties: false }),
      },
    },
    (request) =>
      intel.hits.decideDisclosure(
        viewerOf(request),
        request.params.id,
        request.body.approve,
        request.body.note ?? null,
        request.id,
      ),
  );

  app.get('/api/intel/watchlist', { config: read, schema: { tags, response: { 200: Type.Array(Watch) } } }, (request) =>
    intel.watch.list(viewerOf(request)),
  );
  app.post(
    '/api/intel/watchlist',
    { config: write, schema: { tags, body: NewWatch, response: { 201: Watch } } },
    async (request, reply) =>
      reply.status(201).send(await intel.watch.add(viewerOf(request), request.body, request.id)),
  );
  app.delete('/api/intel/watchlist/:id', { config: write, schema: { tags, params: Id } }, async (request, reply) => {
    await intel.watch.remove(viewerOf(request), request.params.id, request.id);
    return reply.status(204).send();
  });
  app.get(
    '/api/intel/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: "My agency's inbox: hits, watchlist matches, disclosures",
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Alert) },
      },
    },
    (request) =>
      intel.watch.inbox(viewerOf(request), {
        unreadOnly: request.query.unread ?? false,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );
  app.get(
    '/api/intel/alerts/unread',
    { config: read, schema: { tags, response: { 200: Type.Object({ unread: Type.Integer() }) } } },
    async (request) => ({
      unread: await intel.watch.unread(viewerOf(request)),
    }),
  );
  app.post(
    '/api/intel/alerts/read',
    {
      config: read,
      schema: {
        tags,
        body: Type.Object(
          { ids: Type.Union([Type.Array(Uuid, { maxItems: 500 }), Type.Literal('all')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (request) => ({ marked: await intel.watch.markRead(viewerOf(request), request.body.ids) }),
  );
};
