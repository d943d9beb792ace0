/**
 * bench/http: what an authenticated, marked and audited API read costs against a bare
 * Fastify route, on the same machine in the same run.
 *
 *   npm run bench -- http [--seconds 10] [--warmup 2] [--connections 10] [--rounds 1]
 *                         [--driver pglite|postgres] [--breakdown]
 *
 * Figure:   GET /api/bench/marked on the real app (session cookie lookup, a page of a marked
 *           table filtered by visibleTo, an audit row appended in the same transaction).
 * Also:     GET /api/auth/me (session lookup + user and agency read), printed, not the figure.
 * Baseline: GET /bare on a bare Fastify 5 app returning a small JSON.
 * --breakdown adds the parts: the session lookup alone, and the marked read without its audit row.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Generated, sql } from 'kysely';
import { buildApp } from '../../server/src/app.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/accounts.ts';
import { seedDemoWorld } from '../../server/src/demo/world.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import { describeVerify, verifyAuditChain } from '../../server/src/platform/audit/verify.ts';
import { SESSION_COOKIE, viewerOf } from '../../server/src/platform/auth/plugin.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import type { Database, Tx } from '../../server/src/platform/db/database.ts';
import { createEventsPlatform } from '../../server/src/platform/events/platform.ts';
import { JobRunner } from '../../server/src/platform/jobs/runner.ts';
import type { Reader } from '../../server/src/platform/markings/markings.ts';
import { visibleTo } from '../../server/src/platform/markings/visible-to.ts';
import { parseCommonArgs, USAGE_COMMON } from '../lib/args.ts';
import { type BenchDatabase, openBenchDatabase } from '../lib/database.ts';
import { type LoadSummary, load, medianOf } from '../lib/load.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';

const NAME = 'http';
/**
 * The goal is on the ratio authed/bare, per driver (reasons in docs/benchmarks.md): on
 * PostgreSQL the authenticated, marked and audited read may cost at most 20 times a bare
 * Fastify route; on the embedded PGlite (one connection, every statement parsed and planned
 * in WebAssembly on the server's own thread) at most 50 times.
 */
const GOAL_RATIO = { postgres: 0.05, pglite: 0.02 } as const;
/** A demo user without MFA (server/src/demo/accounts.ts). */
const BENCH_USER = 'investigator@th.cordon.example';
const MARKED_ROWS = 2000;
const PAGE = 25;

const USAGE = `usage: npm run bench -- ${NAME} [options]\n${USAGE_COMMON}`;
const args = parseCommonArgs(process.argv.slice(2), USAGE);

// Bounded: every target's warm-up and rounds, plus set-up and the audit verification.
const targetCount = args.breakdown ? 5 : 3;
const budgetMs = (targetCount * (args.warmup + args.rounds * args.seconds) + 180) * 1000;
const watchdog = setTimeout(() => {
  console.error(`${NAME}: gave up after ${budgetMs / 1000} s`);
  process.exit(1);
}, budgetMs);
watchdog.unref();

interface BenchMarkedTable {
  id: Generated<string>;
  seq: number;
  title: string;
  owner_agency_id: string;
  tlp: string;
  audience_kind: string;
  audience_regions: string[];
  audience_agencies: string[];
}
type BenchTables = { bench_marked: BenchMarkedTable };

const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** A small marked table shaped like intelligence records, with a deterministic mix of markings. */
async function createMarkedTable(database: Database): Promise<void> {
  await sql`create table bench_marked (
    id uuid primary key default gen_random_uuid(),
    seq integer not null unique,
    title text not null,
    owner_agency_id uuid not null references agencies (id),
    tlp text not null,
    audience_kind text not null,
    audience_regions text[] not null default '{}',
    audience_agencies uuid[] not null default '{}'
  )`.execute(database.db);
  const agencies = await database.db.selectFrom('agencies').select(['id', 'region', 'name']).orderBy('name').execute();
  if (agencies.length < 2) throw new Error('the demo world has no agencies');
  let state = 20260101;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const rows = Array.from({ length: MARKED_ROWS }, (_, seq) => {
    const owner = agencies[next(agencies.length)]!;
    const other = agencies[next(agencies.length)]!;
    const tlp = TLPS[next(TLPS.length)]!;
    // Markings valid under validateMarking: RED names agencies, CLEAR goes to all, no duplicates.
    const named = owner.id === other.id ? [owner.id] : [owner.id, other.id];
    const base = { seq, title: `Bench record ${seq}`, owner_agency_id: owner.id, tlp };
    switch (tlp) {
      case 'CLEAR':
      case 'GREEN':
        return { ...base, audience_kind: 'all', audience_regions: [], audience_agencies: [] };
      case 'AMBER':
        return next(2) === 0
          ? { ...base, audience_kind: 'regions', audience_regions: [owner.region], audience_agencies: [] }
          : { ...base, audience_kind: 'agencies', audience_regions: [], audience_agencies: named };
      case 'AMBER+STRICT':
        return { ...base, audience_kind: 'agencies', audience_regions: [], audience_agencies: [owner.id] };
      default:
        return { ...base, audience_kind: 'agencies', audience_regions: [], audience_agencies: named };
    }
  });
  const db = database.db.withTables<BenchTables>();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('bench_marked')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  // A PostgreSQL server analyses a filled table on its own (autovacuum); PGlite has no
  // autovacuum, so without this the page query plans on default estimates (seq scan + sort).
  await sql`analyze bench_marked`.execute(database.db);
}

/** What intelligence reads will do: one page of visible records, and an audit row for the read. */
function benchRoutes(database: Database) {
  const audit = createAuditor(systemClock);
  const page = (tx: Tx, viewer: Viewer) =>
    tx
      .withTables<BenchTables>()
      .selectFrom('bench_marked as m')
      .select(['m.id', 'm.title', 'm.tlp'])
      .where(visibleTo(viewer, 'm'))
      .orderBy('m.seq')
      .limit(PAGE)
      .execute();
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true } };
    app.get('/api/bench/marked', hidden, async (request) => {
      const viewer = viewerOf(request);
      return database.transaction(async (tx) => {
        const items = await page(tx, viewer);
        await audit(
          tx,
          { viewer, requestId: request.id },
          {
            action: 'bench.read',
            objectType: 'bench',
            objectId: items[0]?.id ?? null,
            details: { rows: items.length },
          },
        );
        return { items };
      });
    });
    // The parts, for --breakdown: the same read without its audit row, and the session lookup alone.
    app.get('/api/bench/marked-unaudited', hidden, async (request) => {
      const viewer = viewerOf(request);
      return database.transaction(async (tx) => ({ items: await page(tx, viewer) }));
    });
    app.get('/api/bench/session', hidden, async (request) => ({ agencyId: viewerOf(request).agencyId }));
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_USER, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${BENCH_USER} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

async function auditRows(database: Database): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(database.db);
  return r.rows[0]?.n ?? 0;
}

/** Checks, before any timing, that the routes answer what they should: no measuring of 401s. */
async function sanityCheck(base: string, cookie: string, database: Database): Promise<string> {
  const anonymous = await fetch(`${base}/api/bench/marked`);
  if (anonymous.status !== 401) throw new Error(`/api/bench/marked without a session answered ${anonymous.status}`);
  const before = await auditRows(database);
  const res = await fetch(`${base}/api/bench/marked`, { headers: { cookie } });
  const body = (await res.json()) as { items?: unknown[] };
  if (res.status !== 200 || !body.items?.length) throw new Error(`/api/bench/marked answered ${res.status}`);
  if ((await auditRows(database)) !== before + 1) throw new Error('/api/bench/marked wrote no audit row');
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`/api/auth/me answered ${me.status}`);
  const { agency } = (await me.json()) as { agency: { id: string; region: Reader['region'] } };
  const reader: Reader = { agencyId: agency.id, region: agency.region };
  const visible = await sql<{ seen: number; total: number }>`
    select count(*) filter (where ${visibleTo(reader, 'm')})::int as seen, count(*)::int as total
    from bench_marked m`.execute(database.db);
  const v = visible.rows[0];
  return `${BENCH_USER} sees ${v?.seen} of ${v?.total} marked rows; a page is ${body.items.length} rows`;
}

interface Target {
  key: string;
  label: string;
  url: string;
  headers: Record<string, string>;
}

function line(t: Target, s: LoadSummary): string {
  const route = `GET ${new URL(t.url).pathname}`;
  return `${t.key.padEnd(10)} ${route.padEnd(32)} ${String(round(s.rps)).padStart(7)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms   (${s.requests} requests)   ${t.label}`;
}

/** Warms every target up once, then measures all of them `rounds` times, interleaved; medians. */
async function measureAll(targets: Target[]): Promise<Map<string, LoadSummary>> {
  const settings = { connections: args.connections };
  for (const t of targets) {
    if (args.warmup > 0) await load({ ...settings, url: t.url, headers: t.headers, seconds: args.warmup });
  }
  const runs = new Map<string, LoadSummary[]>(targets.map((t) => [t.key, []]));
  for (let round = 1; round <= args.rounds; round++) {
    for (const t of targets) {
      const s = await load({ ...settings, url: t.url, headers: t.headers, seconds: args.seconds });
      runs.get(t.key)!.push(s);
      if (args.rounds > 1) console.log(`  round ${round}: ${line(t, s)}`);
    }
  }
  return new Map([...runs].map(([k, v]) => [k, medianOf(v)]));
}

async function main(): Promise<void> {
  console.log(`${NAME}: authenticated read with markings and audit vs bare Fastify`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  console.log(
    `settings: driver=${args.driver} connections=${args.connections} seconds=${args.seconds} warmup=${args.warmup} ` +
      `rounds=${args.rounds} (load generated from one worker thread)`,
  );

  let bench: BenchDatabase | null = null;
  const apps: FastifyInstance[] = [];
  const closers: Array<() => Promise<void>> = [];
  try {
    bench = await openBenchDatabase(args.driver);
    const { database } = bench;
    console.log(`database: ${bench.label}`);
    await seedDemoWorld(database, { clock: systemClock, cipher: new FieldCipher(randomBytes(32)) });
    await createMarkedTable(database);

    const events = await createEventsPlatform({ database, clock: systemClock });
    closers.push(() => events.close());
    const app = await buildApp({
      database,
      clock: systemClock,
      secretKey: randomBytes(32),
      events,
      jobs: new JobRunner({ database, clock: systemClock }),
      loginRateLimit: 1000,
      extend: benchRoutes(database),
    });
    apps.push(app);
    const appBase = await listen(app);

    const bare = Fastify();
    bare.get('/bare', async () => ({ ok: true, service: 'bare' }));
    apps.push(bare);
    const bareBase = await listen(bare);

    const cookie = await signIn(appBase);
    console.log(await sanityCheck(appBase, cookie, database));

    const auth = { cookie };
    const targets: Target[] = [
      { key: 'bare', label: 'baseline: bare Fastify', url: `${bareBase}/bare`, headers: {} },
      {
        key: 'authed',
        label: 'figure: session + marked read + audit',
        url: `${appBase}/api/bench/marked`,
        headers: auth,
      },
      { key: 'me', label: 'session + user and agency read', url: `${appBase}/api/auth/me`, headers: auth },
    ];
    if (args.breakdown) {
      targets.push(
        { key: 'session', label: 'part: session lookup only', url: `${appBase}/api/bench/session`, headers: auth },
        {
          key: 'unaudited',
          label: 'part: session + marked read, no audit',
          url: `${appBase}/api/bench/marked-unaudited`,
          headers: auth,
        },
      );
    }
    const results = await measureAll(targets);
    if (args.rounds > 1) console.log(`medians of ${args.rounds} rounds:`);
    for (const t of targets) console.log(line(t, results.get(t.key)!));
    const baseline = results.get('bare')!;
    const marked = results.get('authed')!;
    const me = results.get('me')!;

    const verify = await verifyAuditChain(database.db);
    console.log(`audit: ${describeVerify(verify)}`);
    if (!verify.ok) throw new Error('the audit chain broke under load');

    console.log(
      `secondary: me_rps=${round(me.rps)} me_ratio=${ratioText(me.rps / baseline.rps)} me_p99_ms=${me.p99} ` +
        `authed_p99_ms=${marked.p99} bare_p99_ms=${baseline.p99}`,
    );
    console.log(
      resultLine({
        name: NAME,
        figure: 'authed_rps',
        value: round(marked.rps),
        baseline: round(baseline.rps),
        ratio: ratioText(marked.rps / baseline.rps),
        goal: String(GOAL_RATIO[args.driver]),
      }),
    );
  } finally {
    for (const a of apps) await a.close();
    for (const c of closers) await c();
    await bench?.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`${NAME}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
