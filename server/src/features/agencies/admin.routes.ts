import {
  Agency,
  ApiToken,
  IssuedApiToken,
  NewAgency,
  NewApiToken,
  NewUser,
  User,
  UserPatch,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { AgenciesService } from './agencies.service.ts';
import type { TokensService } from './tokens.service.ts';
import type { UsersService } from './users.service.ts';

export interface AdminRoutesOptions {
  agencies: AgenciesService;
  users: UsersService;
  tokens: TokensService;
}

const IdParams = Type.Object({ id: Uuid });

export const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, { agencies, users, tokens }) => {
  app.get(
    '/api/agencies',
    {
      config: { auth: { scopes: ['agencies:read'] } },
      schema: {
        tags: ['agencies'],
        summary: 'Member agencies',
        querystring: Type.Object(
          {
            country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
            kind: Type.Optional(NewAgency.properties.kind),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Agency) },
      },
    },
    // Any signed-in user or a token with agencies:read sees the directory of members.
    (request) => agencies.list(viewerOf(request), request.query),
  );

  app.post(
    '/api/agencies',
    {
      config: { auth: { roles: ['hub-admin'] } },
      schema: {
        tags: ['agencies'],
        summary: 'Register an agency (hub administrator)',
        body: NewAgency,
        response: { 201: Agency },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await agencies.register(viewerOf(request), request.body, request.id)),
  );

  app.get(
    '/api/users',
    {
      config: { auth: { roles: ['agency-admin', 'hub-admin'] } },
      schema: {
        tags: ['users'],
        summary: "Accounts of my agency (hub administrator: any agency's)",
        querystring: Type.Object({ agencyId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Array(User) },
      },
    },
    (request) => users.list(viewerOf(request), request.query.agencyId),
  );

  app.post(
    '/api/users',
    {
      config: { auth: { roles: ['agency-admin', 'hub-admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        body: Type.Object({ ...NewUser.properties, agencyId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 201: User },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(viewerOf(request), request.body, request.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { auth: { roles: ['agency-admin', 'hub-admin'] } },
      schema: {
        tags: ['users'],
        summary: 'Change roles, name, or disable',
        params: IdParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    (request) => users.update(viewerOf(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/users/:id/mfa/reset',
    {
      config: { auth: { roles: ['agency-admin', 'hub-admin'] } },
      schema: { tags: ['users'], summary: "Reset a user's MFA (they enrol again)", params: IdParams },
    },
    async (request, reply) => {
      await users.resetMfa(viewerOf(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { auth: { roles: ['agency-admin'] } },
      schema: { tags: ['tokens'], summary: "My agency's API tokens", response: { 200: Type.Array(ApiToken) } },
    },
    (request) => tokens.list(viewerOf(request)),
  );

  app.post(
    '/api/tokens',
    {
      config: { auth: { roles: ['agency-admin'] } },
      schema: {
        tags: ['tokens'],
        summary: 'Issue an API token (shown once)',
        body: NewApiToken,
        response: { 201: IssuedApiToken },
      },
    },
    async (request, reply) => reply.status(201).send(await tokens.issue(viewerOf(request), request.body, request.id)),
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { auth: { roles: ['agency-admin'] } },
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams },
    },
    async (request, reply) => {
      await tokens.revoke(viewerOf(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );
};
