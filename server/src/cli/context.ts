import type { Role } from '@cordon/contracts';
import { viewerOfUser } from '../features/agencies/accounts.service.ts';
import { createAgenciesFeature } from '../features/agencies/index.ts';
import { createFinanceFeature, type FinanceFeature } from '../features/finance/index.ts';
import { createIntelFeature, type IntelFeature } from '../features/intel/index.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { systemViewer } from '../platform/auth/viewer.ts';
import { systemClock } from '../platform/clock/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database } from '../platform/db/database.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { openAndMigrate } from '../runtime.ts';

export interface CliContext {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  agencies: ReturnType<typeof createAgenciesFeature>;
  intel: IntelFeature;
  finance: FinanceFeature;
  /** The hub acting through the command line (an operator with shell and database access). */
  system(): Promise<Viewer>;
  /** Acts as this user (for actions that belong to a person, such as issuing a token). */
  as(email: string): Promise<Viewer>;
  close(): Promise<void>;
}

export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { database } = await openAndMigrate(config);
  const cipher = new FieldCipher(config.secretKey, config.previousSecretKeys);
  // Events written here wait in the outbox; a running server's dispatcher delivers them.
  const events = { notify() {} };
  const agencies = createAgenciesFeature({
    database,
    clock: systemClock,
    audit: createAuditor(systemClock),
    cipher,
    events,
  });
  const intel = createIntelFeature({
    database,
    clock: systemClock,
    audit: createAuditor(systemClock),
    events,
    centreMatchKm: 1,
  });
  const finance = createFinanceFeature({
    database,
    clock: systemClock,
    audit: createAuditor(systemClock),
    events,
    // Jobs enqueued here (freeze deadlines) are run by the server's runner.
    jobs: new JobRunner({ database, clock: systemClock }),
  });
  const ctx: CliContext = {
    config,
    database,
    cipher,
    agencies,
    intel,
    finance,
    async system() {
      const hub = (await agencies.repos.agencies.list(database.db, { kind: 'hub' }))[0];
      if (!hub) throw new Error('no hub agency: run `cordon seed` or register one');
      const roles: Role[] = ['hub-admin', 'agency-admin'];
      return systemViewer(hub, roles);
    },
    async as(email) {
      const u = await agencies.repos.users.byEmail(database.db, email);
      if (!u) throw new Error(`no user ${email}`);
      const a = await agencies.repos.agencies.get(database.db, u.agency_id);
      if (!a) throw new Error(`user ${email} has no agency`);
      return viewerOfUser(u, a);
    },
    close: () => database.close(),
  };
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
