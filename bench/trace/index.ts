/**
 * bench/trace: a 6-hop forward trace (FIFO) from a victim payment over N synthetic transfers on
 * PostgreSQL, against a plain recursive SQL query following the same hops in time order.
 *
 *   npm run bench -- trace [--tx 10000000] [--accounts 1000000] [--seeds 300] [--hops 6] [--keep]
 *
 * --keep: generate into (or reuse) the schema bench_finance_trace and leave it there, so that the
 * 10M rows are generated once; drop it after with `drop schema bench_finance_trace cascade`.
 *
 * Data: accounts with a power-law-ish activity (a few busy collection and exchange accounts, many
 * quiet mules); each transfer goes from an account to one of its ~50 "neighbours" and happens
 * within a year; 2% of transfers are victim payments. Generated in SQL (generate_series).
 * Figure:   trace_ms: p50 of TracingService.trace (the code under test: time-respecting walk in
 *           SQL, then the transfers of the reached accounts, attributed in memory); p99 printed.
 *           Goal: under 1000 ms.
 * Baseline: the recursive CTE that only follows the same hops in time order (no attribution),
 *           p50 over the same seeds. RESULT ratio = trace / baseline.
 * Per seed: walk / load / replay ms, accounts reached and transfers loaded (the profile).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { type TraceProfile, TracingService } from '../../server/src/features/finance/tracing.service.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemViewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { openDatabase } from '../../server/src/platform/db/database.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';
import { readOptions } from '../lib/args.ts';
import { type BenchDatabase, DEFAULT_POSTGRES_URL, openBenchDatabase } from '../lib/database.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';

const USAGE = `npm run bench -- trace [options]
  --tx N          synthetic transfers (default 10000000)
  --accounts N    accounts (default 1000000)
  --seeds N       victim payments traced (default 300)
  --hops N        hops (default 6)
  --keep          generate into / reuse the schema bench_finance_trace and keep it`;
const opts = readOptions(USAGE, {
  tx: { type: 'string', default: '10000000' },
  accounts: { type: 'string', default: '1000000' },
  seeds: { type: 'string', default: '300' },
  hops: { type: 'string', default: '6' },
  keep: { type: 'boolean', default: false },
});
const TX = opts.int('tx', 1000, 100_000_000);
const ACCOUNTS = opts.int('accounts', 100, 50_000_000);
const SEEDS = opts.int('seeds', 1, 10_000);
const HOPS = opts.int('hops', 1, 12);
const KEEP = opts.flag('keep');
const KEPT_SCHEMA = 'bench_finance_trace';

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? 0;

type Db = BenchDatabase['database']['db'];

/** The kept schema: created and migrated once, never dropped by the bench. */
async function openKept(): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${KEPT_SCHEMA}`);
  await admin.end();
  const database = await openDatabase({ driver: 'postgres', url, schema: KEPT_SCHEMA, poolSize: 4 });
  await migrate(database);
  return { database, label: `postgres (kept schema ${KEPT_SCHEMA})`, close: () => database.close() };
}

/**
 * The synthetic transfers, inserted with the secondary indexes dropped and rebuilt after (much
 * faster at 10M rows than maintaining them row by row).
 */
async function generate(db: Db, agencyId: string) {
  const indexes = (
    await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
      where tablename = 'fin_transactions' and schemaname = current_schema()
        and indexname not like '%pkey' and indexname not like '%source_key%'`.execute(db)
  ).rows;
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
  await sql`insert into fin_accounts (id, key, type, display, chain, created_at)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'crypto:tron:bench' || i, 'crypto', 'bench ' || i, 'tron', now()
    from generate_series(0, ${ACCOUNTS - 1}) i`.execute(db);
  // Busy accounts: the sender is skewed towards low numbers (power law); the receiver is a
  // "neighbour" within 50 places, so chains form; times spread over a year.
  await sql`insert into fin_transactions (owner_agency_id, tlp, pap, reliability, credibility, audience_kind,
      source, source_key, from_account_id, to_account_id, amount, currency, occurred_at, victim_ref, created_at)
    select ${agencyId}::uuid, 'GREEN', 'GREEN', 'B', '2', 'all', 'chain', 'b' || g.i,
      case when g.victim then null else ('00000000-0000-4000-8000-' || lpad(to_hex(g.f), 12, '0'))::uuid end,
      ('00000000-0000-4000-8000-' || lpad(to_hex((g.f + 1 + (random() * 49)::int) % ${ACCOUNTS}), 12, '0'))::uuid,
      round((random() * 5000 + 1)::numeric, 6), 'USDT',
      timestamptz '2026-01-01' + random() * interval '365 days',
      case when g.victim then 'V' || g.i end, now()
    from (select i, (floor(${ACCOUNTS} * power(random(), 2)))::int as f, random() < 0.02 as victim
          from generate_series(1, ${TX}) i) g`.execute(db);
  for (const i of indexes) await sql.raw(i.def).execute(db);
  await sql`analyze fin_accounts`.execute(db);
}

/**
 * Vacuum and analyze, as autovacuum leaves a table some time after a bulk load: the visibility
 * map marks the pages all-visible, so the trace's reads of the covering indexes need no heap page
 * (migration 0019). Quick when nothing changed since the last run.
 */
async function settle(db: Db) {
  await sql`vacuum (analyze) fin_transactions`.execute(db);
}

async function main() {
  console.log(machineLine());
  const bench = KEEP ? await openKept() : await openBenchDatabase('postgres', 4);
  const { database } = bench;
  const db = database.db;
  try {
    console.log(`database: ${bench.label}`);
    const have = await sql<{ n: string }>`select count(*) as n from fin_transactions`.execute(db);
    const reuse = KEEP && Number(have.rows[0]?.n) === TX;
    if (KEEP && !reuse) {
      await sql`truncate fin_transactions, fin_accounts, fin_account_tags cascade`.execute(db);
      await sql`delete from agencies where name = 'Bench FIU'`.execute(db);
    }
    const agency = reuse
      ? await db.selectFrom('agencies').select('id').where('name', '=', 'Bench FIU').executeTakeFirstOrThrow()
      : await db
          .insertInto('agencies')
          .values({ name: 'Bench FIU', country: 'TH', region: 'Asia', kind: 'fiu' })
          .returning('id')
          .executeTakeFirstOrThrow();
    let t0 = performance.now();
    if (!reuse) await generate(db, agency.id);
    await settle(db);
    console.log(
      reuse
        ? `reusing ${TX} transfers in ${KEPT_SCHEMA}`
        : `generated ${TX} transfers over ${ACCOUNTS} accounts in ${round((performance.now() - t0) / 1000, 1)} s`,
    );

    const seeds = (
      await sql<{ id: string }>`select id from fin_transactions where victim_ref is not null
        and occurred_at between '2026-03-01' and '2026-10-01' order by id limit ${SEEDS}`.execute(db)
    ).rows.map((r) => r.id);
    const viewer: Viewer = systemViewer({ id: agency.id, country: 'TH', region: 'Asia' }, ['finance']);
    const finance = new TracingService({
      database,
      clock: systemClock,
      audit: createAuditor(systemClock),
      events: { notify() {} },
    });
    console.log(loadLine('before'));
    const traced: number[] = [];
    const base: number[] = [];
    const reached: number[] = [];
    const profiles: (TraceProfile & { ms: number; seed: string })[] = [];
    for (const id of seeds) {
      t0 = performance.now();
      const profile: TraceProfile = {};
      const r = await finance.trace(
        viewer,
        { transactionIds: [id], model: 'fifo', hops: HOPS },
        { audit: false, profile },
      );
      const ms = performance.now() - t0;
      traced.push(ms);
      reached.push(r.nodes.length);
      profiles.push({ ...profile, ms, seed: id });
      t0 = performance.now();
      await sql`with recursive r(account, at, hop) as (
          select to_account_id, occurred_at, 1 from fin_transactions where id = ${id}::uuid
          union
          select t.to_account_id, t.occurred_at, r.hop + 1 from r
          join fin_transactions t on t.from_account_id = r.account and t.occurred_at >= r.at
          where r.hop < ${HOPS})
        select count(distinct account)::int as n from r`.execute(db);
      base.push(performance.now() - t0);
    }
    console.log(loadLine('after'));
    console.log('slowest traces (ms: walk / load / replay; accounts reached by the walk; transfers loaded):');
    for (const p of [...profiles].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
      console.log(
        `  ${round(p.ms)} ms: ${round(p.walkMs ?? 0)} / ${round(p.loadMs ?? 0)} / ${round(p.replayMs ?? 0)}; ` +
          `${p.accounts} accounts; ${p.rows} transfers (seed ${p.seed})`,
      );
    }
    console.log(
      `trace: p50 ${round(p50(traced))} ms, p99 ${round(p99(traced))} ms, max ${round(Math.max(...traced))} ms; accounts holding traced funds p50 ${p50(reached)}; ` +
        `transfers loaded p50 ${p50(profiles.map((p) => p.rows ?? 0))}, max ${Math.max(...profiles.map((p) => p.rows ?? 0))}`,
    );
    console.log(`recursive SQL: p50 ${round(p50(base))} ms, p99 ${round(p99(base))} ms`);
    console.log(
      resultLine({
        name: 'trace',
        figure: 'trace_ms',
        value: round(p50(traced)),
        baseline: round(p50(base)),
        ratio: ratioText(p50(traced) / Math.max(1, p50(base))),
        goal: '1000',
      }),
    );
  } finally {
    await bench.close();
  }
}

await main();
