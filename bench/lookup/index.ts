/**
 * bench/lookup: the machine hit/no-hit lookup over HTTP, with many selectors stored, against a
 * bare Fastify route on the same machine in the same run.
 *
 *   npm run bench -- lookup [--selectors 100000] [--batch 100] [--seconds 10] [--warmup 2]
 *                           [--connections 10] [--rounds 1] [--breakdown] [--driver pglite|postgres]
 *
 * The issue's figure is --selectors 1000000.
 *
 * Figure:   POST /api/intel/lookup on the real app (buildApp), one selector per request,
 *           authenticated by an API token with scope intel:read (Authorization: Bearer).
 *           Requests cycle through 1,000 bodies: half of them selectors that are stored
 *           (written in another spelling than the stored one), half that are not.
 * Also:     the same route with --batch selectors per request (same mix), printed, not the figure.
 * Baseline: POST /bare on a bare Fastify 5 app: parses the same JSON body, answers a no-hit of
 *           the same shape.
 * Goal:     lookup_rps / bare_rps ≥ 0.5, and p99 < 5 ms.
 * The lookup answers from the app's selector index (features/intel/selector-index.ts), loaded at
 *           app start: its load time and the heap it took are printed.
 * Set-up (not timed as the figure): the demo world, then `--selectors` selectors in reports of
 *           20 from 100 agencies (bench/lib/intel-synthetic.ts, 2 % from a shared pool), normalised
 *           with normaliseMany and loaded straight into `reports` and `entities` with COPY — no
 *           cross-matching, hits or alerts are made for them (they would not change a lookup).
 */
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LookupResult } from '@cordon/contracts';
import { sql } from 'kysely';
import { seedDemoWorld } from '../../server/src/demo/world.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { readOptions } from '../lib/args.ts';
import { startCpuProfile } from '../lib/cpu-profile.ts';
import { cpuSpan } from '../lib/cpu-time.ts';
import { type BenchDatabase, openBenchDatabase } from '../lib/database.ts';
import { storeSynthetic } from '../lib/intel-store.ts';
import {
  benchAgencies,
  KIND_MIX,
  type SyntheticSet,
  synthesiseReports,
  writeSelector,
} from '../lib/intel-synthetic.ts';
import { type LoadSummary, medianOf } from '../lib/load.ts';
import { loadRequests, type RequestSpec } from '../lib/load-requests.ts';
import { type QueryTimer, timeQueries } from '../lib/query-timer.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';
import { type RunningApp, startApp, startBare } from '../lib/server.ts';
import { guard, interrupted, onInterrupt } from '../lib/shutdown.ts';

const NAME = 'lookup';

/** Heap in use after a full collection (gc exposed at run time for this measurement). */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 5;
/** The token's agency: the Thai national bureau (its administrator issues the token). */
const TOKEN_ISSUER = 'admin@th.cordon.example';
const BODIES = 1000;
const PER_REPORT = 20;

const USAGE = `usage: npm run bench -- ${NAME} [options]
  --selectors N     selectors stored before measuring (default 100000; the issue's figure is 1000000)
  --batch N         also measure requests of N selectors (default 100; 0: skip)
  --seconds N       measured seconds per target (default 10)
  --warmup N        warm-up seconds per target, discarded (default 2)
  --connections N   concurrent connections (default 10)
  --rounds N        measure every target N times, interleaved; report the medians (default 1)
  --breakdown       count and time the app's statements per request (a little overhead)
  --cpu-prof FILE   CPU profile of the main thread (the app) during each target's first round,
                    written to FILE-<target>.cpuprofile and summarised
  --driver D        pglite (default) or postgres (DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

function options() {
  const o = readOptions(USAGE, {
    selectors: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    breakdown: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string', default: '' },
    driver: { type: 'string', default: 'pglite' },
  });
  return {
    selectors: o.int('selectors', 1000, 20_000_000),
    batch: o.int('batch', 0, 1000),
    seconds: o.int('seconds', 1, 600),
    warmup: o.int('warmup', 0, 60),
    connections: o.int('connections', 1, 1000),
    rounds: o.int('rounds', 1, 20),
    breakdown: o.flag('breakdown'),
    cpuProf: String(o.values['cpu-prof'] ?? ''),
    driver: o.oneOf('driver', ['pglite', 'postgres'] as const),
  };
}

const args = options();

// Bounded: loading (at no less than 2,000 selectors/s), then every target's warm-up and rounds.
const targetCount = args.batch > 0 ? 3 : 2;
const budgetMs = (240 + args.selectors / 2000 + targetCount * (args.warmup + args.rounds * args.seconds)) * 1000;
guard(NAME, budgetMs);

/** An API token of the Thai bureau with scope intel:read, issued by its administrator. */
async function issueToken(running: RunningApp, database: Database): Promise<string> {
  const admin = await database.db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.agency_id', 'a.country', 'a.region'])
    .where('u.email', '=', TOKEN_ISSUER)
    .executeTakeFirstOrThrow();
  const viewer: Viewer = {
    kind: 'user',
    userId: admin.id,
    tokenId: null,
    agencyId: admin.agency_id,
    country: admin.country,
    region: admin.region as Viewer['region'],
    roles: ['agency-admin'],
    scopes: null,
  };
  const issued = await running.app.features.agencies.tokens.issue(viewer, {
    name: 'bench lookup',
    scopes: ['intel:read'],
    expiresInDays: 1,
  });
  return issued.token;
}

/** Request bodies: half stored selectors in another spelling, half selectors nobody holds. */
function bodies(set: SyntheticSet, perRequest: number, count: number) {
  let state = 7;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  let miss = 50_000_000;
  const out: Array<{ body: string; hits: number }> = [];
  for (let b = 0; b < count; b++) {
    const selectors = [];
    let hits = 0;
    for (let i = 0; i < perRequest; i++) {
      const hit = (b * perRequest + i) % 2 === 0;
      const id = hit
        ? set.reports[next(set.reports.length)]!.ids[next(PER_REPORT)]!
        : { kind: KIND_MIX[next(KIND_MIX.length)]![0], n: miss++ };
      const { ref: _ref, ...s } = writeSelector(id, next(4), 'x');
      selectors.push(s);
      if (hit) hits++;
    }
    out.push({ body: JSON.stringify({ selectors }), hits });
  }
  return out;
}

/** Before any timing: the routes answer what they should (hits are hits, no 401 measured). */
async function sanityCheck(base: string, token: string, one: Array<{ body: string; hits: number }>) {
  const post = (body: string, auth = true) =>
    fetch(`${base}/api/intel/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const anonymous = await post(one[0]!.body, false);
  if (anonymous.status !== 401) throw new Error(`lookup without a token answered ${anonymous.status}`);
  let hits = 0;
  let expected = 0;
  let holders = 0;
  for (const b of one.slice(0, 200)) {
    const res = await post(b.body);
    if (res.status !== 200) throw new Error(`lookup answered ${res.status}: ${await res.text()}`);
    const results = (await res.json()) as LookupResult[];
    if (results.some((r) => !r.ok)) throw new Error(`lookup refused a selector: ${JSON.stringify(results)}`);
    hits += results.filter((r) => r.hit).length;
    holders += results.reduce((n, r) => n + r.holders.length, 0);
    expected += b.hits;
  }
  if (hits !== expected) throw new Error(`lookup found ${hits} hits in 200 requests, ${expected} expected`);
  return `sanity: 200 single lookups: ${hits} hits as expected (${holders} holders named); 401 without a token`;
}

interface Target {
  key: string;
  label: string;
  url: string;
  requests: RequestSpec[];
  headers: Record<string, string>;
}

function line(t: Target, s: LoadSummary): string {
  const route = `POST ${t.requests[0]?.path}`;
  return `${t.key.padEnd(10)} ${route.padEnd(22)} ${String(round(s.rps)).padStart(7)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   (${s.requests} requests)   ${t.label}`;
}

/** CPU spent per target over its measured rounds (app's main thread; local PostgreSQL), and its requests. */
const cpuPerRequest = new Map<string, Array<{ appMs: number; postgresMs: number }>>();
const cpuRequests = new Map<string, number>();

function cpuLine(key: string): string {
  const spans = cpuPerRequest.get(key) ?? [];
  const n = cpuRequests.get(key) ?? 0;
  const us = (ms: number) => (n > 0 ? Math.round((ms * 1000) / n) : 0);
  const app = spans.reduce((a, c) => a + c.appMs, 0);
  const pg = spans.reduce((a, c) => a + c.postgresMs, 0);
  return `cpu per request ${key.padEnd(10)} app thread ${us(app)} µs, PostgreSQL ${args.driver === 'postgres' ? `${us(pg)} µs` : '(in the app thread)'}`;
}

/** Statements per request of one target, from --breakdown's timer. */
const breakdowns = new Map<string, { requests: number; rows: ReturnType<QueryTimer['rows']> }>();

async function measureAll(
  targets: Target[],
  timer: QueryTimer | null,
  backends: () => Promise<Set<string>>,
): Promise<Map<string, LoadSummary>> {
  const settings = { connections: args.connections };
  for (const t of targets) {
    if (args.warmup > 0) await loadRequests({ ...settings, ...t, seconds: args.warmup });
  }
  const runs = new Map<string, LoadSummary[]>(targets.map((t) => [t.key, []]));
  for (let r = 1; r <= args.rounds; r++) {
    for (const t of targets) {
      timer?.reset();
      const profiler = args.cpuProf && r === 1 ? await startCpuProfile() : null;
      const span = cpuSpan();
      const s = await loadRequests({ ...settings, ...t, seconds: args.seconds });
      const cpu = span.stop(await backends());
      if (profiler) {
        const file = args.cpuProf.replace(/(\.cpuprofile)?$/, `-${t.key}.cpuprofile`);
        console.log(`${t.key}: ${file}`);
        for (const l of await profiler.stop(file)) console.log(l);
      }
      cpuPerRequest.set(t.key, [...(cpuPerRequest.get(t.key) ?? []), cpu]);
      cpuRequests.set(t.key, (cpuRequests.get(t.key) ?? 0) + s.requests);
      runs.get(t.key)!.push(s);
      if (timer && r === 1) breakdowns.set(t.key, { requests: s.requests, rows: timer.rows() });
      if (args.rounds > 1) console.log(`  round ${r}: ${line(t, s)}`);
    }
  }
  return new Map([...runs].map(([k, v]) => [k, medianOf(v)]));
}

async function main(): Promise<void> {
  console.log(`${NAME}: hit/no-hit lookup over HTTP with an API token vs bare Fastify`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  const reports = Math.ceil(args.selectors / PER_REPORT);
  console.log(
    `settings: driver=${args.driver} stored=${reports * PER_REPORT} selectors connections=${args.connections} ` +
      `seconds=${args.seconds} warmup=${args.warmup} rounds=${args.rounds} batch=${args.batch} ` +
      '(load generated from one worker thread)',
  );

  let bench: BenchDatabase | null = null;
  let running: RunningApp | null = null;
  let bare: Awaited<ReturnType<typeof startBare>> | null = null;
  try {
    bench = await openBenchDatabase(args.driver);
    onInterrupt(() => bench?.close() ?? Promise.resolve());
    const { database } = bench;
    console.log(`database: ${bench.label}`);
    await seedDemoWorld(database, { clock: systemClock, cipher: new FieldCipher(randomBytes(32)) });
    const agencies = await benchAgencies(database, 100);
    const t0 = performance.now();
    const set = synthesiseReports({ reports, perReport: PER_REPORT, agencies, shared: 0.02 });
    const stored = await storeSynthetic(database, set, agencies);
    const keys = await sql<{ n: number }>`select count(distinct key)::int as n from entities`.execute(database.db);
    console.log(
      `set-up: ${stored} selectors (${keys.rows[0]?.n} distinct keys) in ${reports} reports of 100 agencies, ` +
        `normalised and loaded with COPY in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const timer = args.breakdown ? timeQueries(database) : null;
    const heapBefore = heapAfterGc();
    running = await startApp(timer?.database ?? database);
    onInterrupt(() => running?.close() ?? Promise.resolve());
    const index = running.app.features.intel.index;
    await index.ready();
    const heapGrowth = heapAfterGc() - heapBefore;
    console.log(
      `selector index: ${index.size} keys loaded (in the background from app start) in ${(index.loadMs / 1000).toFixed(2)} s; ` +
        `heap after GC grew by ${(heapGrowth / 2 ** 20).toFixed(0)} MiB over the app start ` +
        `(${(((heapGrowth / Math.max(1, index.size)) * 1e6) / 2 ** 20).toFixed(0)} MiB per million keys, app included)`,
    );
    bare = await startBare((app) => {
      app.post('/bare', async (request) => {
        const body = request.body as { selectors?: unknown[] };
        return (body.selectors ?? []).map((_, index) => ({ index, ok: true, hit: false, holders: [] }));
      });
    });
    const token = await issueToken(running, database);
    const single = bodies(set, 1, BODIES);
    console.log(await sanityCheck(running.base, token, single));

    const json = { 'content-type': 'application/json' };
    const auth = { ...json, authorization: `Bearer ${token}` };
    const post = (path: string, bs: Array<{ body: string }>) =>
      bs.map((b): RequestSpec => ({ method: 'POST', path, body: b.body }));
    const targets: Target[] = [
      {
        key: 'bare',
        label: 'baseline: bare Fastify, same bodies',
        url: bare.base,
        requests: post('/bare', single),
        headers: json,
      },
      {
        key: 'lookup',
        label: 'figure: token + lookup of 1 selector (50 % hits)',
        url: running.base,
        requests: post('/api/intel/lookup', single),
        headers: auth,
      },
    ];
    if (args.batch > 0) {
      targets.push({
        key: `batch${args.batch}`,
        label: `token + lookup of ${args.batch} selectors (50 % hits)`,
        url: running.base,
        requests: post('/api/intel/lookup', bodies(set, args.batch, 50)),
        headers: auth,
      });
    }
    console.log(loadLine('before measuring'));
    const results = await measureAll(targets, timer, async () => (await bench?.backends?.()) ?? new Set<string>());
    if (args.rounds > 1) console.log(`medians of ${args.rounds} rounds:`);
    for (const t of targets) console.log(line(t, results.get(t.key)!));
    for (const t of targets) console.log(cpuLine(t.key));
    console.log(loadLine('after measuring'));
    for (const [key, b] of breakdowns) {
      if (key === 'bare') continue;
      const n = b.rows.reduce((a, r) => a + r.count, 0);
      console.log(`breakdown ${key} (round 1): ${(n / b.requests).toFixed(2)} statements per request`);
      for (const r of b.rows.slice(0, 12)) {
        console.log(
          `  ${r.label.padEnd(44)} ${(r.count / b.requests).toFixed(2).padStart(6)} per request  ${(r.ms / r.count).toFixed(3).padStart(8)} ms each`,
        );
      }
    }
    const baseline = results.get('bare')!;
    const lookup = results.get('lookup')!;
    const batch = results.get(`batch${args.batch}`);
    console.log(
      `secondary: lookup_p99_ms=${lookup.p99} (goal < ${GOAL_P99_MS}: ${lookup.p99 < GOAL_P99_MS ? 'met' : 'not met'}) ` +
        `lookup_p50_ms=${lookup.p50} bare_p99_ms=${baseline.p99}` +
        (batch
          ? ` batch${args.batch}_rps=${round(batch.rps)} batch${args.batch}_selectors_per_s=${round(batch.rps * args.batch)} ` +
            `batch${args.batch}_p99_ms=${batch.p99}`
          : ''),
    );
    console.log(
      resultLine({
        name: NAME,
        figure: 'lookup_rps',
        value: round(lookup.rps),
        baseline: round(baseline.rps),
        ratio: ratioText(lookup.rps / baseline.rps),
        goal: String(GOAL_RATIO),
      }),
    );
  } finally {
    await bare?.app.close();
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
