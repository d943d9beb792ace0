/**
 * bench/ingest: selectors in reports from many agencies, submitted through the real path
 * (ReportsService.submit: validation, normalisation, storage, cross-matching, hits, alerts,
 * outbox events, audit), against the unavoidable work on the same inputs, in the same run.
 *
 *   npm run bench -- ingest [--selectors 50000] [--per-report 20] [--agencies 100] [--shared 0.02]
 *                           [--concurrency 1] [--breakdown] [--autoanalyze auto|on|off]
 *                           [--driver pglite|postgres]
 *
 * The issue's figure is --selectors 1000000 (50,000 reports of 20) on PostgreSQL.
 *
 * Figure:   ingest_sel_per_s: selectors per second through ReportsService.submit of the app
 *           built as `cordon serve` builds it (buildApp; events platform with the in-process bus,
 *           dispatcher and webhook fan-out consumer running; job runner started), one report at a
 *           time (--concurrency N: N at a time). Timed from the first submit to the return of the
 *           last one; the outbox drain after it is printed separately.
 * Baseline: normaliseMany over the same selector inputs, plus one COPY of the normalised rows
 *           (and of the report rows) into tables made `like reports/entities including all`:
 *           same columns, defaults, checks and indexes (the entities table has six), no foreign
 *           keys. A COPY into an unindexed copy is printed too, not used.
 * Ratio:    baseline_time / ingest_time (= ingest rate / baseline rate). Goal ≥ 0.5.
 * Statistics: autovacuum keeps a PostgreSQL server's planner statistics fresh as tables grow;
 *           when the server has it off (the local test server does), the benchmark does what it
 *           would (--autoanalyze). PGlite has no autovacuum, as deployed: left as is unless asked.
 * --breakdown: every statement the app sends during the ingest (submits, dispatcher, consumers)
 *           counted and timed by kind and table (bench/lib/query-timer.ts); a little overhead.
 * Data:     deterministic (bench/lib/intel-synthetic.ts): phones (national and international
 *           spellings), TRON and Ethereum wallets, e-mails, Telegram handles and links, domains
 *           (some defanged); `--shared` of them from a pool that agencies meet on, sized so each
 *           pool selector recurs about 4 times at any scale. The number of hits the server must
 *           record is known in advance and checked.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type RawBuilder, sql } from 'kysely';
import { seedDemoWorld } from '../../server/src/demo/world.ts';
import { type NormaliseResult, normaliseMany } from '../../server/src/features/intel/selectors/index.ts';
import { describeVerify, verifyAuditChain } from '../../server/src/platform/audit/verify.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import { copyInto, copyLine } from '../lib/copy.ts';
import { type BenchDatabase, openBenchDatabase } from '../lib/database.ts';
import { REPORT_COLUMNS, reportCopyRows } from '../lib/intel-store.ts';
import {
  benchAgencies,
  type SyntheticSet,
  selectorInput,
  synthesiseReports,
  systemViewer,
} from '../lib/intel-synthetic.ts';
import { type QueryTimer, timeQueries } from '../lib/query-timer.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';
import { buildRealApp, type RunningApp } from '../lib/server.ts';
import { guard, interrupted, onInterrupt } from '../lib/shutdown.ts';

const NAME = 'ingest';
const GOAL_RATIO = 0.5;

const USAGE = `usage: npm run bench -- ${NAME} [options]
  --selectors N     selectors in all (default 50000; the issue's figure is 1000000)
  --per-report N    selectors per report (default 20)
  --agencies N      submitting agencies, taken from the demo world (default 100)
  --shared F        share of selectors drawn from a pool that agencies meet on (default 0.02)
  --concurrency N   reports submitted at a time (default 1)
  --breakdown       count and time the statements of the ingest by kind and table
  --autoanalyze A   auto (default: on when the PostgreSQL server has autovacuum off), on or off:
                    analyse the intel tables in the background whenever they grow by 10 %
  --driver D        pglite (default) or postgres (DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

function options() {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        selectors: { type: 'string', default: '50000' },
        'per-report': { type: 'string', default: '20' },
        agencies: { type: 'string', default: '100' },
        shared: { type: 'string', default: '0.02' },
        concurrency: { type: 'string', default: '1' },
        breakdown: { type: 'boolean', default: false },
        autoanalyze: { type: 'string', default: 'auto' },
        driver: { type: 'string', default: 'pglite' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (key: string, min: number, max: number) => {
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < min || n > max) fail(`--${key} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const shared = Number(values.shared);
  if (!(shared >= 0 && shared <= 1)) fail('--shared must be a number from 0 to 1');
  const driver = values.driver;
  if (driver !== 'pglite' && driver !== 'postgres') fail('--driver must be pglite or postgres');
  const autoanalyze = values.autoanalyze;
  if (autoanalyze !== 'auto' && autoanalyze !== 'on' && autoanalyze !== 'off')
    fail('--autoanalyze must be auto, on or off');
  const perReport = int('per-report', 1, 5000);
  const selectors = int('selectors', perReport, 10_000_000);
  return {
    selectors,
    perReport,
    reports: Math.ceil(selectors / perReport),
    agencies: int('agencies', 2, 200),
    shared,
    concurrency: int('concurrency', 1, 64),
    breakdown: values.breakdown === true,
    autoanalyze: autoanalyze as 'auto' | 'on' | 'off',
    driver: driver as 'pglite' | 'postgres',
  };
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = options();

// Bounded: set-up, the baseline, and the ingest at no less than 25 selectors/s, plus the drain.
const budgetMs = (300 + args.selectors / 25) * 1000;
guard(NAME, budgetMs);

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number) => round((n * 1000) / ms);

/** Nearest-rank percentile of a sorted list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Baseline {
  normaliseMs: number;
  copyMs: number;
  unindexedCopyMs: number;
  keys: number;
}

/**
 * The unavoidable work: normalise every selector input (as prepareReport would hand it to the
 * normaliser), then COPY the rows ingest would store into equivalent tables.
 */
async function baseline(database: BenchDatabase['database'], set: SyntheticSet, agencies: Agencies): Promise<Baseline> {
  await sql`create table bench_copy_reports (like reports including all)`.execute(database.db);
  await sql`create table bench_copy_entities (like entities including all)`.execute(database.db);
  await sql`create table bench_copy_entities_bare (like entities including defaults)`.execute(database.db);
  const inputs = set.reports.flatMap((r) =>
    (r.input.selectors ?? []).map((s) => selectorInput(s, agencies[r.agency]!.country)),
  );
  // Warm-up (discarded): loads the phone metadata and lets the JIT see every normaliser.
  normaliseMany(inputs.slice(0, 2000));

  const t0 = performance.now();
  const results = normaliseMany(inputs);
  const t1 = performance.now();
  const entityColumns = [
    'report_id',
    'owner_agency_id',
    'kind',
    'label',
    'selector_kind',
    'key',
    'name_keys',
    'blocking_keys',
    'country',
    'lat',
    'lon',
    'attrs',
    'created_at',
  ] as const;
  const at = new Date().toISOString();
  const reportIds = set.reports.map(() => randomUUID());
  const entityChunks = function* (normalised: NormaliseResult[]) {
    let chunk = '';
    let k = 0;
    for (const [i, r] of set.reports.entries()) {
      const owner = agencies[r.agency]!.id;
      for (const s of r.input.selectors ?? []) {
        const n = normalised[k++]!;
        if (!n.ok) continue;
        const sel = n.selector;
        chunk += copyLine([
          reportIds[i]!,
          owner,
          'selector',
          sel.display,
          sel.kind,
          sel.key,
          '{}',
          '{}',
          sel.details.country ?? s.country ?? null,
          null,
          null,
          JSON.stringify({ value: sel.value, display: sel.display, details: sel.details, submitted: s.value }),
          at,
        ]);
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
    }
    if (chunk) yield chunk;
  };
  await copyInto(database, 'bench_copy_reports', REPORT_COLUMNS, reportCopyRows(set, agencies, reportIds, at));
  const copied = await copyInto(database, 'bench_copy_entities', entityColumns, entityChunks(results));
  const t2 = performance.now();

  const failed = results.findIndex((r) => !r.ok);
  if (failed >= 0) {
    const r = results[failed] as { reason: string };
    throw new Error(`synthetic selector ${JSON.stringify(inputs[failed])} does not normalise: ${r.reason}`);
  }
  if (copied !== inputs.length) throw new Error(`COPY stored ${copied} of ${inputs.length} rows`);

  const t3 = performance.now();
  await copyInto(database, 'bench_copy_entities_bare', entityColumns, entityChunks(results));
  const t4 = performance.now();
  const keys = new Set(results.map((r) => (r.ok ? r.selector.key : ''))).size;
  return { normaliseMs: t1 - t0, copyMs: t2 - t1, unindexedCopyMs: t4 - t3, keys };
}

type Agencies = Awaited<ReturnType<typeof benchAgencies>>;

/**
 * What autovacuum's analyse does on a PostgreSQL server configured by default: once a table has
 * changed by 50 rows + 10 % of its size, it gets fresh statistics, in the background. Run here,
 * from the outside, when the server has autovacuum off (or on PGlite, which has none, if asked).
 */
class AutoAnalyze {
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

type Rows = ReturnType<QueryTimer['rows']>;

interface Ingest {
  ms: number;
  drainMs: number;
  /** Statement totals after the first tenth of the reports, before the last tenth, at the end. */
  phases: { firstEnd?: Rows; lastStart?: Rows; lastEnd?: Rows };
  tenth: number;
  latencies: number[];
}

async function ingest(
  database: BenchDatabase['database'],
  running: RunningApp,
  set: SyntheticSet,
  agencies: Agencies,
  analyze: AutoAnalyze | null,
  timer: QueryTimer | null,
): Promise<Ingest> {
  const { intel } = running.app.features;
  const { events } = running;
  const viewers = agencies.map(systemViewer);
  const latencies = new Array<number>(set.reports.length);
  const phases: Ingest['phases'] = {};
  const tenth = Math.max(1, Math.ceil(set.reports.length / 10));
  let next = 0;
  let done = 0;
  let lastMark = performance.now();
  const t0 = lastMark;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= set.reports.length) return;
      const r = set.reports[i]!;
      const s = performance.now();
      const report = await intel.reports.submit(viewers[r.agency]!, r.input);
      latencies[i] = performance.now() - s;
      analyze?.rowsAdded(r.ids.length);
      if (report.counts.selectors !== r.ids.length) {
        throw new Error(`report ${i} stored ${report.counts.selectors} of ${r.ids.length} selectors`);
      }
      done++;
      if (timer && done === tenth) phases.firstEnd = timer.rows();
      if (timer && done === set.reports.length - tenth) phases.lastStart = timer.rows();
      if (done % tenth === 0 || done === set.reports.length) {
        const now = performance.now();
        const n = done % tenth === 0 ? tenth : done % tenth;
        console.log(
          `  ${String(done).padStart(7)} reports  ${seconds(now - t0).padStart(8)} s  ` +
            `last ${n}: ${perSecond(n * args.perReport, now - lastMark)} selectors/s`,
        );
        lastMark = now;
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, worker));
  const t1 = performance.now();
  await analyze?.settle();
  if (timer) phases.lastEnd = timer.rows();
  // The dispatcher keeps publishing alerts after the last submit: wait for the outbox to drain.
  for (;;) {
    const r = await sql<{ n: number }>`select count(*)::int as n from outbox where published_at is null`.execute(
      database.db,
    );
    if ((r.rows[0]?.n ?? 0) === 0) break;
    if (performance.now() - t1 > 120_000) throw new Error('the outbox did not drain within 120 s');
    events.notify();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { ms: t1 - t0, drainMs: performance.now() - t1, latencies, phases, tenth };
}

/** --autoanalyze auto: on when a PostgreSQL server has autovacuum off; PGlite has none, as deployed. */
async function autoAnalyzeWanted(database: BenchDatabase['database']): Promise<boolean> {
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

function printBreakdown(timer: QueryTimer, reports: number, run: Ingest): void {
  const ingestMs = run.ms;
  const rows = timer.rows();
  const msOf = (rs: Rows | undefined, label: string) => rs?.find((r) => r.label === label)?.ms ?? 0;
  const { firstEnd, lastStart, lastEnd } = run.phases;
  const perReport = (label: string, from: Rows | undefined, to: Rows | undefined) =>
    ((msOf(to, label) - msOf(from, label)) / run.tenth).toFixed(2).padStart(9);
  const n = rows.reduce((a, r) => a + r.count, 0);
  const ms = rows.reduce((a, r) => a + r.ms, 0);
  console.log(
    `breakdown: ${n} statements (${(n / reports).toFixed(1)} per report), ${seconds(ms)} s in statements ` +
      `(${Math.round((100 * ms) / ingestMs)} % of the ingest; the rest is BEGIN/COMMIT, JavaScript and waiting)`,
  );
  console.log(
    '  statement                                      count  per report   total s   ms/stmt  % of ingest' +
      '   ms/report: first 10 %  last 10 %',
  );
  for (const r of rows.slice(0, 25)) {
    console.log(
      `  ${r.label.padEnd(44)} ${String(r.count).padStart(8)} ${(r.count / reports).toFixed(2).padStart(11)} ` +
        `${seconds(r.ms).padStart(9)} ${(r.ms / r.count).toFixed(3).padStart(9)} ${((100 * r.ms) / ingestMs).toFixed(1).padStart(12)}` +
        `   ${perReport(r.label, undefined, firstEnd).padStart(20)} ${perReport(r.label, lastStart, lastEnd)}`,
    );
  }
}

async function count(database: BenchDatabase['database'], query: RawBuilder<{ n: number }>) {
  const r = await query.execute(database.db);
  return r.rows[0]?.n ?? 0;
}

async function main(): Promise<void> {
  console.log(`${NAME}: reports through ReportsService.submit vs normalise + COPY of the same rows`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  const actual = args.reports * args.perReport;
  console.log(
    `size: ${actual} selectors in ${args.reports} reports of ${args.perReport} from ${args.agencies} agencies, ` +
      `shared=${args.shared}, concurrency=${args.concurrency}, driver=${args.driver}`,
  );

  let bench: BenchDatabase | null = null;
  let running: RunningApp | null = null;
  try {
    bench = await openBenchDatabase(args.driver);
    onInterrupt(() => bench?.close() ?? Promise.resolve());
    const { database } = bench;
    console.log(`database: ${bench.label}`);
    await seedDemoWorld(database, { clock: systemClock, cipher: new FieldCipher(randomBytes(32)) });
    // As `cordon serve` does after seeding (PGlite has no autovacuum).
    if (database.driver === 'pglite') await sql`analyze`.execute(database.db);
    const agencies = await benchAgencies(database, args.agencies);
    const tg = performance.now();
    const set = synthesiseReports({
      reports: args.reports,
      perReport: args.perReport,
      agencies,
      shared: args.shared,
    });
    console.log(
      `data: ${set.selectors} selectors (${set.sharedDraws} from a pool of ${set.poolSize}), ` +
        `${set.expectedHits} hits expected; generated in ${seconds(performance.now() - tg)} s (not timed)`,
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
    console.log(
      `ingest: ReportsService.submit of the app as cordon serve builds it (events platform, job runner), ` +
        `${args.concurrency === 1 ? 'report after report' : `${args.concurrency} reports at a time`}`,
    );
    const analyze = (await autoAnalyzeWanted(database)) ? new AutoAnalyze(database) : null;
    const run = await ingest(database, running, set, agencies, analyze, timer);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    console.log(
      `ingest: ${seconds(run.ms)} s, ${perSecond(set.selectors, run.ms)} selectors/s, ` +
        `${perSecond(set.reports.length, run.ms)} reports/s; per submit p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${percentile(sorted, 100).toFixed(1)} ms; ` +
        `outbox drained ${seconds(run.drainMs)} s after the last submit`,
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
    const verify = await verifyAuditChain(database.db);
    console.log(`audit: ${describeVerify(verify)}`);
    if (!verify.ok) throw new Error('the audit chain broke during the ingest');

    console.log(
      `secondary: ingest_s=${seconds(run.ms)} baseline_s=${seconds(baseMs)} normalise_s=${seconds(base.normaliseMs)} ` +
        `copy_s=${seconds(base.copyMs)} submit_p99_ms=${percentile(sorted, 99).toFixed(1)} hits=${hits}`,
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
