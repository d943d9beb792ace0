import { createIntelFeature } from '../features/intel/index.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database } from '../platform/db/database.ts';
import { seedDemoIntel } from './intel.ts';
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
): Promise<SeedSummary & { reports: number; rescueCases: number }> {
  const world = await seedDemoWorld(database, deps, options);
  const intel = createIntelFeature({
    database,
    clock: deps.clock,
    audit: createAuditor(deps.clock),
    events: { notify() {} },
    centreMatchKm: 1,
  });
  const reports = await seedDemoIntel(database, intel.reports, options);
  const rescueCases = await seedDemoRescue(database, { ...deps, intel });
  return { ...world, reports, rescueCases };
}
