/**
 * bench/job-check: public job-offer checks over HTTP (model + indicators + selector extraction and
 * normalisation + one warning-list query) against a bare Fastify POST route, same machine, same run.
 *
 *   npm run bench -- job-check [--seconds 10] [--warmup 2] [--connections 10] [--driver pglite|postgres]
 *
 * Figure:   POST /api/public/check/job on the real app (rate limit lifted for the run).
 * Baseline: POST /bare on a bare Fastify 5 app parsing the same JSON body and answering a small JSON.
 * Goal:     at least 1,000 checks per second (the server runs on one event loop: one core).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { seedDemoWorld } from '../../server/src/demo/world.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import { createEventsPlatform } from '../../server/src/platform/events/platform.ts';
import { JobRunner } from '../../server/src/platform/jobs/runner.ts';
import { parseCommonArgs, USAGE_COMMON } from '../lib/args.ts';
import { type BenchDatabase, openBenchDatabase } from '../lib/database.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';

const NAME = 'job-check';
const GOAL_CHECKS_PER_SECOND = 1000;
const args = parseCommonArgs(process.argv.slice(2), `usage: npm run bench -- ${NAME} [options]\n${USAGE_COMMON}`);

const BODY = JSON.stringify({
  text:
    'Lowongan kerja customer service tanpa pengalaman, gaji 25 juta per bulan. Tiket pesawat gratis ke Kamboja ' +
    '(Sihanoukville). Paspor diserahkan ke perusahaan saat tiba. Hubungi HRD lewat Telegram @hr_golden_jobs ' +
    'atau WhatsApp 0812-3456-7890, kunjungi https://easy-job-asia.example.com/apply.',
  phone: '0812 3456 7890',
  handle: '@hr_golden_jobs',
  country: 'ID',
});

async function post(url: string, seconds: number) {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: args.connections,
    duration: seconds,
    workers: 1,
  });
  const problems = r.errors + r.timeouts + r.non2xx;
  if (problems > 0) throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function main() {
  console.log(`${NAME}: public job-offer check over HTTP vs a bare Fastify POST`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  let bench: BenchDatabase | null = null;
  const apps: FastifyInstance[] = [];
  let closeEvents: (() => Promise<void>) | null = null;
  try {
    bench = await openBenchDatabase(args.driver);
    await seedDemoWorld(bench.database, { clock: systemClock, cipher: new FieldCipher(randomBytes(32)) });
    const events = await createEventsPlatform({ database: bench.database, clock: systemClock });
    closeEvents = () => events.close();
    const app = await buildApp({
      database: bench.database,
      clock: systemClock,
      secretKey: randomBytes(32),
      events,
      jobs: new JobRunner({ database: bench.database, clock: systemClock }),
      publicRateLimits: { checks: 10_000_000 },
    });
    apps.push(app);
    const bare = Fastify();
    bare.post('/bare', async (request) => ({ risk: 'low', length: JSON.stringify(request.body).length }));
    apps.push(bare);
    const [appBase, bareBase] = [await listen(app), await listen(bare)];
    const sanity = await fetch(`${appBase}/api/public/check/job`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    const verdict = (await sanity.json()) as { risk?: string; reasons?: unknown[] };
    if (sanity.status !== 200 || verdict.risk !== 'high')
      throw new Error(`sanity check answered ${sanity.status} ${JSON.stringify(verdict)}`);
    console.log(`sanity: risk ${verdict.risk}, ${verdict.reasons?.length} reasons`);
    if (args.warmup > 0) {
      await post(`${bareBase}/bare`, args.warmup);
      await post(`${appBase}/api/public/check/job`, args.warmup);
    }
    const base = await post(`${bareBase}/bare`, args.seconds);
    const check = await post(`${appBase}/api/public/check/job`, args.seconds);
    console.log(
      `bare   POST /bare                   ${round(base.rps)} req/s   p50 ${base.p50} ms   p99 ${base.p99} ms`,
    );
    console.log(
      `check  POST /api/public/check/job   ${round(check.rps)} req/s   p50 ${check.p50} ms   p99 ${check.p99} ms`,
    );
    console.log(
      resultLine({
        name: NAME,
        figure: 'checks_per_s',
        value: round(check.rps),
        baseline: round(base.rps),
        ratio: ratioText(check.rps / base.rps),
        goal: `>=${GOAL_CHECKS_PER_SECOND}/s`,
      }),
    );
  } finally {
    for (const a of apps) await a.close();
    if (closeEvents) await closeEvents();
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
