import { Uuid } from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../auth/plugin.ts';
import type { WebhooksService } from './webhooks.service.ts';

const tags = ['webhooks'];
const admins = { auth: { roles: ['agency-admin' as const] } };
const WebhookT = Type.Object({
  id: Uuid,
  url: Type.String(),
  topics: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

/** An agency administrator's webhooks: create (secret shown once), list, disable, delivery log. */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  app.get('/api/webhooks', { config: admins, schema: { tags, response: { 200: Type.Array(WebhookT) } } }, (request) =>
    webhooks.list(viewerOf(request)),
  );
  app.post(
    '/api/webhooks',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Register a webhook; the signing secret is shown once',
        body: Type.Object(
          {
            url: Type.String({ minLength: 8, maxLength: 2000 }),
            topics: Type.Array(Type.String({ pattern: '^(\\*|[a-z0-9_.-]+)$', maxLength: 100 }), {
              minItems: 1,
              maxItems: 20,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ webhook: WebhookT, secret: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await webhooks.create(viewerOf(request), request.body, request.id)),
  );
  app.delete(
    '/api/webhooks/:id',
    { config: admins, schema: { tags, params: Type.Object({ id: Uuid }) } },
    async (request, reply) => {
      await webhooks.remove(viewerOf(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    { config: admins, schema: { tags, params: Type.Object({ id: Uuid }) } },
    (request) => webhooks.deliveries(viewerOf(request), request.params.id),
  );
};
