import type { Role, Scope } from '@cordon/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { Viewer } from './viewer.ts';

/**
 * What a route asks of its caller, in `config.auth`. Default (absent): any signed-in user;
 * API tokens only where the route names scopes they carry.
 */
export type AuthRule = 'public' | { roles?: Role[]; scopes?: Scope[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRule;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export const SESSION_COOKIE = 'cordon_session';

export interface SessionLookup {
  viewer: Viewer;
  /** Set when the session was rotated: the new token goes out as the cookie. */
  rotatedToken?: string;
  expiresAt: Date;
}

export interface PrincipalResolver {
  fromSession(token: string): Promise<SessionLookup | null>;
  fromApiToken(token: string): Promise<Viewer | null>;
}

export interface AuthPluginOptions {
  resolver: PrincipalResolver;
  secureCookies: boolean;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** The viewer of a request that passed `authorize`; for handlers. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new UnauthorizedError();
  return request.viewer;
}

export function authorize(viewer: Viewer | null, rule: AuthRule | undefined): void {
  if (rule === 'public') return;
  if (!viewer) throw new UnauthorizedError();
  if (viewer.kind === 'token') {
    const granted = rule?.scopes?.some((s) => viewer.scopes?.includes(s)) ?? false;
    if (!granted) throw new ForbiddenError('This API token does not carry a scope that allows this route.');
    return;
  }
  if (rule?.roles && !rule.roles.some((r) => viewer.roles.includes(r))) {
    throw new ForbiddenError(`This needs one of the roles: ${rule.roles.join(', ')}.`);
  }
}

/** Routes under /api need a caller unless they say otherwise; the API docs are public. */
const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request, reply) => {
    // Static files, docs and health checks never need the caller: no lookup for them.
    if (!isApi(request.url)) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.viewer = await opts.resolver.fromApiToken(header.slice(7).trim());
      if (!request.viewer) throw new UnauthorizedError('The API token is unknown, expired or revoked.');
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const found = await opts.resolver.fromSession(token);
        if (found) {
          request.viewer = found.viewer;
          if (found.rotatedToken) setSessionCookie(reply, found.rotatedToken, found.expiresAt, opts.secureCookies);
        } else {
          clearSessionCookie(reply, opts.secureCookies);
        }
      }
    }
  });
  app.addHook('preHandler', (request, _reply, done) => {
    // Routes outside /api (static console, docs, health) are public unless they say otherwise.
    const rule = request.routeOptions.config.auth ?? (isApi(request.url) ? undefined : 'public');
    try {
      authorize(request.viewer, rule);
    } catch (e) {
      return done(e as Error);
    }
    done();
  });
}

export const authentication = fp(authPlugin, { name: 'cordon-auth', dependencies: ['@fastify/cookie'] });
