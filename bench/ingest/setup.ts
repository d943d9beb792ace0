import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { seedDemoWorld } from '../../server/src/demo/world.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import type { BenchDatabase } from '../lib/database.ts';
import { benchAgencies, synthesiseReports } from '../lib/intel-synthetic.ts';

/** bench/ingest's set-up (not timed): the demo world, the agencies, the synthetic reports. */

export type Agencies = Awaited<ReturnType<typeof benchAgencies>>;

export async function setUp(
  database: BenchDatabase['database'],
  o: { agencies: number; reports: number; perReport: number; shared: number },
) {
  await seedDemoWorld(database, { clock: systemClock, cipher: new FieldCipher(randomBytes(32)) });
  // As `cordon serve` does after seeding (PGlite has no autovacuum).
  if (database.driver === 'pglite') await sql`analyze`.execute(database.db);
  const agencies = await benchAgencies(database, o.agencies);
  const t = performance.now();
  const set = synthesiseReports({ reports: o.reports, perReport: o.perReport, agencies, shared: o.shared });
  return { agencies, set, generatedMs: performance.now() - t };
}

/**
 * What autovacuum's analyse does on a PostgreSQL server configured by default: once a table has
 * changed by 50 rows + 10 % of its size, it gets fresh statistics, in the background. Run here,
 * from the outside, when the server has autovacuum off (or on PGlite, which has none, if asked).
 */
export class AutoAnalyze {
  runs = 0;
  ms = 0;
  #added = 0;
  #size = 0;
  #inFlight: Promise<void> | null = null;
  constructor(private readonly database: BenchDatabase['database']) {}

  rowsAdded(n: number): void {
    this.#added += n;
    if (this.#inFlight || this.#added <= 50 + 0.1 * this.#size) return;
    this.#size += this.#added;
    this.#added = 0;
    const t = performance.now();
    this.#inFlight = sql`analyze reports, entities, relationships, hits, alerts, outbox, audit_log, event_consumptions`
      .execute(this.database.db)
      .then(() => {
        this.runs++;
        this.ms += performance.now() - t;
        this.#inFlight = null;
      });
  }

  async settle(): Promise<void> {
    await this.#inFlight;
  }
}

/** --autoanalyze auto: on when a PostgreSQL server has autovacuum off; PGlite has none, as deployed. */
export async function autoAnalyzeWanted(
  database: BenchDatabase['database'],
  args: { autoanalyze: 'auto' | 'on' | 'off' },
): Promise<boolean> {
  if (args.autoanalyze !== 'auto') {
    console.log(`autoanalyze: ${args.autoanalyze} (--autoanalyze)`);
    return args.autoanalyze === 'on';
  }
  if (database.driver === 'pglite') {
    console.log('autoanalyze: off (PGlite has no autovacuum; cordon serve analyses once at start, as done above)');
    return false;
  }
  const r = await sql<{ autovacuum: string }>`show autovacuum`.execute(database.db);
  const off = r.rows[0]?.autovacuum === 'off';
  console.log(
    off
      ? 'autoanalyze: on — this PostgreSQL server has autovacuum off, so the benchmark analyses the intel tables ' +
          'in the background whenever they grow by 10 %, as autovacuum would (--autoanalyze off to measure without)'
      : 'autoanalyze: left to the server (autovacuum is on)',
  );
  return off;
}
