/**
 * Old against new: runs the TracingService of another checkout (`--old DIR`, e.g. main before a
 * change) and this checkout's on the same data (the schema bench/trace keeps with --keep), and
 * compares the results as JSON, byte for byte. Exits 1 on any difference.
 *
 *   git archive <old-rev> | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   DATABASE_URL=… npx tsx bench/trace/compare.ts --old /tmp/old [--seeds 60]
 *
 * Requests: forward from single victim payments and from groups of three (hops 6 and 3), forward
 * from the receiving account, backward from it (hops 4), each under FIFO, proportional and poison.
 */
import { resolve } from 'node:path';
import type { TraceRequest } from '@cordon/contracts';
import { sql } from 'kysely';
import { TracingService } from '../../server/src/features/finance/tracing.service.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import { systemViewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { openDatabase } from '../../server/src/platform/db/database.ts';
import { readOptions } from '../lib/args.ts';
import { DEFAULT_POSTGRES_URL } from '../lib/database.ts';

const opts = readOptions('npx tsx bench/trace/compare.ts --old DIR [--seeds N] [--schema bench_finance_trace]', {
  old: { type: 'string', default: '' },
  seeds: { type: 'string', default: '60' },
  schema: { type: 'string', default: 'bench_finance_trace' },
});
const OLD = String(opts.values.old);
if (!OLD) throw new Error('--old DIR: a checkout of the code to compare with');
const SEEDS = opts.int('seeds', 1, 10_000);

type Service = { trace: TracingService['trace'] };
const oldModule = (await import(resolve(OLD, 'server/src/features/finance/tracing.service.ts'))) as {
  TracingService: new (deps: ConstructorParameters<typeof TracingService>[0]) => Service;
};

const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
const database = await openDatabase({ driver: 'postgres', url, schema: String(opts.values.schema), poolSize: 4 });
const deps = { database, clock: systemClock, audit: createAuditor(systemClock), events: { notify() {} } };
const services = { old: new oldModule.TracingService(deps), new: new TracingService(deps) };
try {
  const agency = await database.db
    .selectFrom('agencies')
    .select('id')
    .where('name', '=', 'Bench FIU')
    .executeTakeFirstOrThrow();
  const viewer = systemViewer({ id: agency.id, country: 'TH', region: 'Asia' }, ['finance']);
  // Victim payments spread over the year (every k-th by time), not only the bench's.
  const seeds = (
    await sql<{ id: string; to: string }>`select id, to_account_id as to from (
        select id, to_account_id, row_number() over (order by occurred_at, id) as n, count(*) over () as c
        from fin_transactions where victim_ref is not null) x
      where n % greatest(1, c / ${SEEDS}) = 0 order by n limit ${SEEDS}`.execute(database.db)
  ).rows;
  // Traces from an account start from every payment into it (backward: from every payment that
  // reaches it): quiet accounts, not the busy ones, whose thousands of origins make results of
  // hundreds of MB under proportional and poison (old and new alike).
  const quiet = (
    await sql<{ account: string }>`select a as account from (
        select to_account_id as a from fin_transactions where victim_ref is not null limit 5000) v
      where (select count(*) from fin_transactions t where t.to_account_id = v.a) <= 20
        and (select count(*) from fin_transactions t where t.from_account_id = v.a) <= 20
      limit ${Math.ceil(SEEDS / 3)}`.execute(database.db)
  ).rows.map((r) => r.account);
  const requests: TraceRequest[] = [];
  for (const [i, s] of seeds.entries()) {
    requests.push({ transactionIds: [s.id], hops: 6 });
    if (i % 4 === 0) requests.push({ transactionIds: [s.id], hops: 3 });
    if (i % 3 === 2) requests.push({ transactionIds: seeds.slice(i - 2, i + 1).map((x) => x.id), hops: 6 });
  }
  for (const [i, account] of quiet.entries()) {
    requests.push(
      i % 2 === 0 ? { accountId: account, hops: 4 } : { accountId: account, direction: 'backward', hops: 4 },
    );
  }
  let same = 0;
  const differ: string[] = [];
  const ms = { old: 0, new: 0 };
  for (const req of requests) {
    for (const model of ['fifo', 'proportional', 'poison'] as const) {
      const r = { ...req, model };
      const out: Record<'old' | 'new', string> = { old: '', new: '' };
      for (const which of ['old', 'new'] as const) {
        const t0 = performance.now();
        out[which] = JSON.stringify(await services[which].trace(viewer, r, { audit: false }));
        ms[which] += performance.now() - t0;
      }
      if (out.old === out.new) same++;
      else differ.push(`${JSON.stringify(r)}: ${out.old.length} vs ${out.new.length} characters`);
      process.stderr.write(
        `${out.old === out.new ? '=' : 'X'} ${model} ${JSON.stringify(req)} (${out.new.length} characters)\n`,
      );
    }
  }
  console.log(
    `compared ${requests.length * 3} traces (${requests.length} requests × 3 models): ${same} identical, ${differ.length} different; ` +
      `old ${Math.round(ms.old / 1000)} s, new ${Math.round(ms.new / 1000)} s in all`,
  );
  for (const d of differ.slice(0, 20)) console.log(`  DIFFERENT ${d}`);
  if (differ.length > 0) process.exitCode = 1;
} finally {
  await database.close();
}
