/**
 * bench/ingest: selectors in reports from many agencies, submitted through the product's ingest
 * path (validation, normalisation, storage, cross-matching, hits, alerts, outbox events, audit),
 * against the unavoidable work on the same inputs, in the same run.
 *
 *   npm run bench -- ingest [--selectors 50000] [--per-report 20] [--agencies 100] [--shared 0.02]
 *                           [--batch 1000] [--concurrency 1] [--breakdown] [--autoanalyze auto|on|off]
 *                           [--driver pglite|postgres]
 *
 * The issue's figure is --selectors 1000000 (50,000 reports of 20) on PostgreSQL.
 *
 * Figure:   ingest_sel_per_s: selectors per second through the intel service of the app built as
 *           `cordon serve` builds it (buildApp; events platform with the in-process bus,
 *           dispatcher and webhook fan-out consumer running; job runner started): in batches of
 *           --batch reports through ReportsService.submitBatch (the bulk path `cordon import`
 *           takes for big files), or with --batch 0 one report at a time through
 *           ReportsService.submit (the API's path); --concurrency N: N submissions at a time.
 *           Timed from the first submission to the return of the last one; the outbox drain
 *           after it (the live delivery of the alerts) is printed separately.
 * Baseline: normaliseMany over the same selector inputs, plus one COPY of the normalised rows
 *           (and of the report rows) into tables made `like reports/entities including all`:
 *           same columns, defaults, checks and indexes (the entities table has six), no foreign
 *           keys. A COPY into an unindexed copy is printed too, not used (baseline.ts).
 * Ratio:    baseline_time / ingest_time (= ingest rate / baseline rate). Goal ≥ 0.5.
 * Checks:   the selectors, distinct keys and hits stored are exactly what the inputs imply, and
 *           the audit chain verifies (report.ts, index.ts).
 * Statistics: autovacuum keeps a PostgreSQL server's planner statistics fresh as tables grow;
 *           when the server has it off (the local test server does), the benchmark does what it
 *           would (--autoanalyze; setup.ts). PGlite has no autovacuum, as deployed: left as is.
 * --breakdown: every statement the app sends during the ingest (submits, dispatcher, consumers)
 *           counted and timed by kind and table (bench/lib/query-timer.ts); a little overhead.
 * Data:     deterministic (bench/lib/intel-synthetic.ts): phones (national and international
 *           spellings), TRON and Ethereum wallets, e-mails, Telegram handles and links, domains
 *           (some defanged); `--shared` of them from a pool that agencies meet on, sized so each
 *           pool selector recurs about 4 times at any scale. The number of hits the server must
 *           record is known in advance and checked.
 */
import { sql } from 'kysely';
import { chainPendingAudit } from '../../server/src/platform/audit/pending.ts';
import { describeVerify, verifyAuditChain } from '../../server/src/platform/audit/verify.ts';
import { readOptions } from '../lib/args.ts';
import { type BenchDatabase, openBenchDatabase } from '../lib/database.ts';
import { timeQueries } from '../lib/query-timer.ts';
import { loadLine, machineLine, ratioText, resultLine } from '../lib/report.ts';
import { buildRealApp, type RunningApp } from '../lib/server.ts';
import { guard, interrupted, onInterrupt } from '../lib/shutdown.ts';
import { baseline } from './baseline.ts';
import { count, percentile, perSecond, printBreakdown, seconds } from './report.ts';
import { ingest } from './run.ts';
import { AutoAnalyze, autoAnalyzeWanted, setUp } from './setup.ts';

const NAME = 'ingest';
const GOAL_RATIO = 0.5;

const USAGE = `usage: npm run bench -- ${NAME} [options]
  --selectors N     selectors in all (default 50000; the issue's figure is 1000000)
  --per-report N    selectors per report (default 20)
  --agencies N      submitting agencies, taken from the demo world (default 100)
  --shared F        share of selectors drawn from a pool that agencies meet on (default 0.02)
  --batch N         reports per bulk submission (ReportsService.submitBatch, default 1000);
                    0: one report at a time through ReportsService.submit (the API's path)
  --concurrency N   submissions at a time (default 1)
  --breakdown       count and time the statements of the ingest by kind and table
  --autoanalyze A   auto (default: on when the PostgreSQL server has autovacuum off), on or off:
                    analyse the intel tables in the background whenever they grow by 10 %
  --driver D        pglite (default) or postgres (DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

function options() {
  const o = readOptions(USAGE, {
    selectors: { type: 'string', default: '50000' },
    'per-report': { type: 'string', default: '20' },
    agencies: { type: 'string', default: '100' },
    shared: { type: 'string', default: '0.02' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '1' },
    breakdown: { type: 'boolean', default: false },
    autoanalyze: { type: 'string', default: 'auto' },
    driver: { type: 'string', default: 'pglite' },
  });
  const perReport = o.int('per-report', 1, 5000);
  const selectors = o.int('selectors', perReport, 10_000_000);
  return {
    selectors,
    perReport,
    reports: Math.ceil(selectors / perReport),
    agencies: o.int('agencies', 2, 200),
    shared: o.num('shared', 0, 1),
    batch: o.int('batch', 0, 100_000),
    concurrency: o.int('concurrency', 1, 64),
    breakdown: o.flag('breakdown'),
    autoanalyze: o.oneOf('autoanalyze', ['auto', 'on', 'off'] as const),
    driver: o.oneOf('driver', ['pglite', 'postgres'] as const),
  };
}

const args = options();

// Bounded: set-up, the baseline, the ingest at no less than 25 selectors/s, and the drain.
const budgetMs = (300 + args.selectors / 25) * 1000 + 20 * args.selectors;
guard(NAME, budgetMs);

async function main(): Promise<void> {
  console.log(`${NAME}: reports through the intel service vs normalise + COPY of the same rows`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  const actual = args.reports * args.perReport;
  console.log(
    `size: ${actual} selectors in ${args.reports} reports of ${args.perReport} from ${args.agencies} agencies, ` +
      `shared=${args.shared}, batch=${args.batch}, concurrency=${args.concurrency}, driver=${args.driver}`,
  );

  let bench: BenchDatabase | null = null;
  let running: RunningApp | null = null;
  try {
    bench = await openBenchDatabase(args.driver);
    onInterrupt(() => bench?.close() ?? Promise.resolve());
    const { database } = bench;
    console.log(`database: ${bench.label}`);
    const { agencies, set, generatedMs } = await setUp(database, args);
    console.log(
      `data: ${set.selectors} selectors (${set.sharedDraws} from a pool of ${set.poolSize}), ` +
        `${set.expectedHits} hits expected; generated in ${seconds(generatedMs)} s (not timed)`,
    );

    const base = await baseline(database, set, agencies);
    const baseMs = base.normaliseMs + base.copyMs;
    console.log(
      `baseline: normaliseMany ${seconds(base.normaliseMs)} s (${perSecond(set.selectors, base.normaliseMs)}/s) + ` +
        `COPY into indexed copies of reports and entities ${seconds(base.copyMs)} s = ${seconds(baseMs)} s, ` +
        `${perSecond(set.selectors, baseMs)} selectors/s; ${base.keys} distinct keys`,
    );
    console.log(
      `  (info) COPY into an unindexed copy of entities: ${seconds(base.unindexedCopyMs)} s; ` +
        `on ${args.driver === 'pglite' ? "PGlite: COPY FROM '/dev/blob'" : 'PostgreSQL: COPY FROM STDIN (pg-copy-streams)'}`,
    );
    console.log(loadLine('after the baseline'));

    const timer = args.breakdown ? timeQueries(database) : null;
    running = await buildRealApp(timer?.database ?? database);
    onInterrupt(() => running?.close() ?? Promise.resolve());
    const how =
      args.batch === 0
        ? 'ReportsService.submit, report after report'
        : `ReportsService.submitBatch, batches of ${args.batch} reports`;
    console.log(
      `ingest: ${how}, on the app as cordon serve builds it (events platform, job runner)` +
        `${args.concurrency === 1 ? '' : `, ${args.concurrency} submissions at a time`}`,
    );
    const analyze = (await autoAnalyzeWanted(database, args)) ? new AutoAnalyze(database) : null;
    const run = await ingest(database, running, set, agencies, args, analyze, timer);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    console.log(
      `ingest: ${seconds(run.ms)} s, ${perSecond(set.selectors, run.ms)} selectors/s, ` +
        `${perSecond(set.reports.length, run.ms)} reports/s; per submission p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${percentile(sorted, 100).toFixed(1)} ms; ` +
        `outbox (${run.drained} events waiting) drained ${seconds(run.drainMs)} s after the last submission`,
    );
    if (analyze) {
      console.log(
        `  autoanalyze: ${analyze.runs} ANALYZE runs in the background during the ingest, ${seconds(analyze.ms)} s`,
      );
    }
    console.log(loadLine('after the ingest'));
    if (timer) printBreakdown(timer, set.reports.length, run);

    // What the ingest stored must be what the inputs say.
    const stored = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from entities e join reports r on r.id = e.report_id
        where r.source_ref like 'bench-%' and e.kind = 'selector'`,
    );
    const keys = await count(database, sql<{ n: number }>`select count(distinct key)::int as n from entities`);
    const hits = await count(database, sql<{ n: number }>`select count(*)::int as n from hits`);
    const alerts = await count(database, sql<{ n: number }>`select count(*)::int as n from alerts`);
    const outbox = await count(
      database,
      sql<{ n: number }>`select count(*)::int as n from outbox where topic = 'intel.hit.alert'`,
    );
    console.log(
      `stored: ${stored} selector entities, ${keys} distinct keys, ${hits} hits (${set.expectedHits} expected), ` +
        `${alerts} alerts, ${outbox} hit-alert events`,
    );
    if (stored !== set.selectors) throw new Error(`stored ${stored} selectors, not ${set.selectors}`);
    if (keys !== base.keys) throw new Error(`ingest stored ${keys} distinct keys, the baseline ${base.keys}`);
    if (hits !== set.expectedHits) {
      const message = `${hits} hits recorded, ${set.expectedHits} expected`;
      if (args.concurrency === 1) throw new Error(message);
      console.log(
        `WARNING: ${message}: with concurrent submissions, two reports holding the same selector ` +
          'do not see each other (uncommitted), and no hit is recorded for the pair',
      );
    }
    await chainPendingAudit(database);
    const verify = await verifyAuditChain(database.db);
    console.log(`audit: ${describeVerify(verify)}`);
    if (!verify.ok) throw new Error('the audit chain broke during the ingest');

    console.log(
      `secondary: ingest_s=${seconds(run.ms)} baseline_s=${seconds(baseMs)} normalise_s=${seconds(base.normaliseMs)} ` +
        `copy_s=${seconds(base.copyMs)} submission_p99_ms=${percentile(sorted, 99).toFixed(1)} drain_s=${seconds(run.drainMs)} hits=${hits}`,
    );
    console.log(
      resultLine({
        name: NAME,
        figure: 'ingest_sel_per_s',
        value: perSecond(set.selectors, run.ms),
        baseline: perSecond(set.selectors, baseMs),
        ratio: ratioText(baseMs / run.ms),
        goal: String(GOAL_RATIO),
      }),
    );
  } finally {
    await running?.close();
    await bench?.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    if (interrupted()) return;
    console.error(`${NAME}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
