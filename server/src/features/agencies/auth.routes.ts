import {
  LoginRequest,
  LoginResponse,
  Me,
  MfaConfirm,
  MfaEnrolment,
  MfaRequest,
  Problem,
  RecoveryCodes,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, viewerOf } from '../../platform/auth/plugin.ts';
import type { AccountsService, ClientMeta } from './accounts.service.ts';
import type { UsersService } from './users.service.ts';

export interface AuthRoutesOptions {
  accounts: AccountsService;
  users: UsersService;
  secureCookies: boolean;
  /** Sign-in attempts per client address per minute. */
  loginRateLimit: number;
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { accounts, users, secureCookies, loginRateLimit },
) => {
  const loginLimit = { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } };
  const meta = (r: { ip: string; id: string; headers: Record<string, unknown> }): ClientMeta => ({
    ip: r.ip,
    requestId: r.id,
    userAgent: typeof r.headers['user-agent'] === 'string' ? r.headers['user-agent'] : null,
  });

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', ...loginLimit },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: LoginRequest,
        response: { 200: LoginResponse, 401: Problem },
      },
    },
    async (request, reply) => {
      const out = await accounts.login(request.body.email, request.body.password, meta(request));
      if (!out.mfaRequired) {
        setSessionCookie(reply, out.token, out.expiresAt, secureCookies);
        return { mfaRequired: false as const, me: out.me };
      }
      return { mfaRequired: true as const, challenge: out.challenge };
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { auth: 'public', ...loginLimit },
      schema: {
        tags,
        summary: 'Second step: TOTP or recovery code',
        body: MfaRequest,
        response: { 200: Me, 401: Problem },
      },
    },
    async (request, reply) => {
      const out = await accounts.completeMfa(request.body.challenge, request.body.code, meta(request));
      setSessionCookie(reply, out.token, out.expiresAt, secureCookies);
      return out.me;
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'End this session' } }, async (request, reply) => {
    await accounts.logout(viewerOf(request), request.cookies[SESSION_COOKIE], meta(request));
    clearSessionCookie(reply, secureCookies);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'Who am I', response: { 200: Me } } }, (request) =>
    accounts.me(viewerOf(request)),
  );

  app.post(
    '/api/auth/mfa/enrol',
    { schema: { tags, summary: 'Start TOTP enrolment', response: { 200: MfaEnrolment } } },
    (request) => users.startEnrolment(viewerOf(request)),
  );

  app.post(
    '/api/auth/mfa/enrol/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment; returns recovery codes once',
        body: MfaConfirm,
        response: { 200: RecoveryCodes },
      },
    },
    (request) => users.confirmEnrolment(viewerOf(request), request.body.code, request.id),
  );
};
