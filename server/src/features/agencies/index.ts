import type { FastifyInstance } from 'fastify';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { AccountsService } from './accounts.service.ts';
import { adminRoutes } from './admin.routes.ts';
import { AgenciesRepository } from './agencies.repository.ts';
import { AgenciesService } from './agencies.service.ts';
import { authRoutes } from './auth.routes.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { TokensRepository } from './tokens.repository.ts';
import { TokensService } from './tokens.service.ts';
import { UsersRepository } from './users.repository.ts';
import { UsersService } from './users.service.ts';

export interface AgenciesFeatureDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  cipher: FieldCipher;
  events: Notifier;
}

export type AgenciesFeature = ReturnType<typeof createAgenciesFeature>;

/** Agencies, accounts, sign-in and API tokens: services wired once, routes registered by app.ts. */
export function createAgenciesFeature(deps: AgenciesFeatureDeps) {
  const repos = {
    agencies: new AgenciesRepository(),
    users: new UsersRepository(),
    sessions: new SessionsRepository(),
    tokens: new TokensRepository(),
  };
  const accounts = new AccountsService({ ...deps, ...repos });
  const users = new UsersService({ ...deps, ...repos });
  const agencies = new AgenciesService({ ...deps, agencies: repos.agencies });
  const tokens = new TokensService({ ...deps, tokens: repos.tokens });
  return {
    repos,
    accounts,
    users,
    agencies,
    tokens,
    async register(app: FastifyInstance, opts: { secureCookies: boolean; loginRateLimit: number }) {
      await app.register(authRoutes, { accounts, users, ...opts });
      await app.register(adminRoutes, { agencies, users, tokens });
    },
  };
}
