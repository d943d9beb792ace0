import { createFinanceFeature } from '../features/finance/index.ts';
import { createIntelFeature } from '../features/intel/index.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database } from '../platform/db/database.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { seedDemoFinance } from './finance.ts';
import { seedDemoIntel } from './intel.ts';
import { type SeedOptions, type SeedSummary, seedDemoWorld } from './world.ts';

export { isEmpty } from './world.ts';

/**
 * The whole demo: agencies and accounts (one transaction), then intelligence submitted through
 * the real service. Events it raises wait in the outbox for the dispatcher.
 */
export async function seedDemo(
  database: Database,
  deps: { clock: Clock; cipher: FieldCipher },
  options: SeedOptions = {},
): Promise<SeedSummary & { reports: number; transactions: number; freezes: number }> {
  const world = await seedDemoWorld(database, deps, options);
  const intel = createIntelFeature({
    database,
    clock: deps.clock,
    audit: createAuditor(deps.clock),
    events: { notify() {} },
    centreMatchKm: 1,
  });
  const reports = await seedDemoIntel(database, intel.reports, options);
  const finance = createFinanceFeature({
    database,
    clock: deps.clock,
    audit: createAuditor(deps.clock),
    events: { notify() {} },
    // Seeding only enqueues freeze deadlines; the node's own runner handles them.
    jobs: new JobRunner({ database, clock: deps.clock }),
  });
  const money = await seedDemoFinance(database, finance);
  return { ...world, reports, transactions: money.transactions, freezes: money.freezes };
}
