/**
 * bench/trace: a 6-hop forward trace (FIFO) from a victim payment over N synthetic transfers on
 * PostgreSQL, against a plain recursive SQL query following the same hops in time order.
 *
 *   npm run bench -- trace [--tx 10000000] [--accounts 1000000] [--seeds 20] [--hops 6]
 *
 * Data: accounts with a power-law-ish activity (a few busy collection and exchange accounts, many
 * quiet mules); each transfer goes from an account to one of its ~50 "neighbours" and happens
 * within a year; 2% of transfers are victim payments. Generated in SQL (generate_series).
 * Figure:   trace_ms: p50 of TracingService.trace (the code under test: time-respecting BFS in SQL,
 *           then every visible transfer touching the reached accounts, attributed in memory).
 *           Goal: under 1000 ms.
 * Baseline: the recursive CTE that only follows the same hops in time order (no attribution),
 *           p50 over the same seeds. RESULT ratio = trace / baseline.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { TracingService } from '../../server/src/features/finance/tracing.service.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { openBenchDatabase } from '../lib/database.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    tx: { type: 'string', default: '10000000' },
    accounts: { type: 'string', default: '1000000' },
    seeds: { type: 'string', default: '20' },
    hops: { type: 'string', default: '6' },
  },
});
const TX = Number(values.tx);
const ACCOUNTS = Number(values.accounts);
const SEEDS = Number(values.seeds);
const HOPS = Number(values.hops);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? 0;

async function main() {
  console.log(machineLine());
  const bench = await openBenchDatabase('postgres', 4);
  const { database } = bench;
  const db = database.db;
  try {
    console.log(`database: ${bench.label}`);
    const agency = await db
      .insertInto('agencies')
      .values({ name: 'Bench FIU', country: 'TH', region: 'Asia', kind: 'fiu' })
      .returning('id')
      .executeTakeFirstOrThrow();
    let t0 = performance.now();
    await sql`insert into fin_accounts (id, key, type, display, chain, created_at)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'crypto:tron:bench' || i, 'crypto', 'bench ' || i, 'tron', now()
      from generate_series(0, ${ACCOUNTS - 1}) i`.execute(db);
    // Busy accounts: the sender is skewed towards low numbers (power law); the receiver is a
    // "neighbour" within 50 places, so chains form; times spread over a year.
    await sql`insert into fin_transactions (owner_agency_id, tlp, pap, reliability, credibility, audience_kind,
        source, source_key, from_account_id, to_account_id, amount, currency, occurred_at, victim_ref, created_at)
      select ${agency.id}::uuid, 'GREEN', 'GREEN', 'B', '2', 'all', 'chain', 'b' || g.i,
        case when g.victim then null else ('00000000-0000-4000-8000-' || lpad(to_hex(g.f), 12, '0'))::uuid end,
        ('00000000-0000-4000-8000-' || lpad(to_hex((g.f + 1 + (random() * 49)::int) % ${ACCOUNTS}), 12, '0'))::uuid,
        round((random() * 5000 + 1)::numeric, 6), 'USDT',
        timestamptz '2026-01-01' + random() * interval '365 days',
        case when g.victim then 'V' || g.i end, now()
      from (select i, (floor(${ACCOUNTS} * power(random(), 2)))::int as f, random() < 0.02 as victim
            from generate_series(1, ${TX}) i) g`.execute(db);
    await sql`analyze fin_transactions`.execute(db);
    await sql`analyze fin_accounts`.execute(db);
    console.log(
      `generated ${TX} transfers over ${ACCOUNTS} accounts in ${round((performance.now() - t0) / 1000, 1)} s`,
    );

    const seeds = (
      await sql<{ id: string }>`select id from fin_transactions where victim_ref is not null
        and occurred_at between '2026-03-01' and '2026-10-01' order by id limit ${SEEDS}`.execute(db)
    ).rows.map((r) => r.id);
    const viewer: Viewer = {
      kind: 'system',
      userId: null,
      tokenId: null,
      agencyId: agency.id,
      country: 'TH',
      region: 'Asia',
      roles: ['finance'],
      scopes: null,
    };
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
    for (const id of seeds) {
      t0 = performance.now();
      const r = await finance.trace(viewer, { transactionIds: [id], model: 'fifo', hops: HOPS }, { audit: false });
      traced.push(performance.now() - t0);
      reached.push(r.nodes.length);
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
    console.log(
      `trace: p50 ${round(p50(traced))} ms, p99 ${round(p99(traced))} ms; accounts reached p50 ${p50(reached)}`,
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
