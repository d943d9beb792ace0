import { createAwarenessFeature } from '../features/awareness/index.ts';
import { createFinanceFeature } from '../features/finance/index.ts';
import { createIntelFeature } from '../features/intel/index.ts';
import { createNoticesFeature } from '../features/notices/index.ts';
import { createOperationsFeature } from '../features/operations/index.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database } from '../platform/db/database.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { seedDemoAwareness } from './awareness.ts';
import { seedDemoFinance } from './finance.ts';
import { seedDemoIntel } from './intel.ts';
import { seedDemoNotices } from './notices.ts';
import { seedDemoOperations } from './operations.ts';
import { seedDemoRescue } from './rescue.ts';
import { type SeedOptions, type SeedSummary, seedDemoWorld } from './world.ts';

export { isEmpty } from './world.ts';

/**
 * The whole demo: agencies and accounts (one transaction), then intelligence submitted through
 * the real service, then rescue cases. Events it raises wait in the outbox for the dispatcher.
 */
export async function seedDemo(
  database: Database,
  deps: { clock: Clock; cipher: FieldCipher; secretKey: Buffer },
  options: SeedOptions = {},
): Promise<
  SeedSummary & {
    reports: number;
    operations: number;
    notices: number;
    transactions: number;
    freezes: number;
    rescueCases: number;
  }
> {
  const world = await seedDemoWorld(database, deps, options);
  const featureDeps = { database, clock: deps.clock, audit: createAuditor(deps.clock), events: { notify() {} } };
  const intel = createIntelFeature({ ...featureDeps, centreMatchKm: 1 });
  const reports = await seedDemoIntel(database, intel.reports, options);
  const operations = await seedDemoOperations(database, createOperationsFeature(featureDeps), deps.clock);
  const notices = await seedDemoNotices(database, createNoticesFeature(featureDeps));
  const awareness = createAwarenessFeature({ ...featureDeps, cipher: deps.cipher, intel: intel.reports });
  await seedDemoAwareness(database, { clock: deps.clock, awareness, intel: intel.reports });
  // Seeding only enqueues freeze deadlines; the node's own job runner handles them.
  const finance = createFinanceFeature({ ...featureDeps, jobs: new JobRunner({ database, clock: deps.clock }) });
  const money = await seedDemoFinance(database, finance);
  const rescueCases = await seedDemoRescue(database, { ...deps, intel });
  return {
    ...world,
    reports,
    operations,
    notices,
    transactions: money.transactions,
    freezes: money.freezes,
    rescueCases,
  };
}
