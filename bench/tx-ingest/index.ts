/**
 * bench/tx-ingest: a transaction file imported through the product's import path (the one
 * `cordon import --transactions` takes) against the unavoidable work on the same rows, in the
 * same run.
 *
 *   npm run bench -- tx-ingest [--rows 10000000] [--accounts 1000000] [--batch 20000]
 *                              [--bad-every 1000] [--seed 1] [--driver postgres|pglite] [--dir /tmp]
 *
 * Data:     a CSV of blockchain transfers (TRON and Ethereum, USDT and ETH) and bank STR rows
 *           (IBAN, EUR), 1 bad row in --bad-every (generate.ts), written to --dir first (not timed).
 * Figure:   import_s: importTransactions (tx-import.ts: streamed CSV, batches of --batch through
 *           TransactionsService.record: validation, canonical accounts, accounts and transactions
 *           by unnest with on conflict do nothing, one transaction and one audit entry per batch).
 * Baseline: parse_s + copy_s: the same file read and checked alone (readTransactionFile and
 *           prepareTransaction: the same parser and validation), the COPY text of the result
 *           written to files, then one COPY each of the accounts and the transactions into tables
 *           made `like fin_accounts / fin_transactions including all` (same columns, defaults,
 *           checks, unique constraints and indexes).
 * Ratio:    baseline_s / import_s. Goal ≥ 0.5.
 * Checks:   the import stores exactly the rows and accounts the baseline copied, reports the same
 *           bad rows, and a second import of the first 1% of the file (or 10,000 rows) stores
 *           nothing.
 */

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readTransactionFile } from '../../server/src/features/finance/import/tx-file.ts';
import { importTransactions } from '../../server/src/features/finance/import/tx-import.ts';
import { TransactionsService } from '../../server/src/features/finance/transactions.service.ts';
import { prepareTransaction } from '../../server/src/features/finance/transactions.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemViewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { copyLine } from '../lib/copy.ts';
import { DEFAULT_POSTGRES_URL, openBenchDatabase } from '../lib/database.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';
import { firstLines, writeCsv } from './generate.ts';
import { ingestOptions } from './options.ts';

const MARKING = { tlp: 'AMBER', audience: { kind: 'all' }, pap: 'AMBER', reliability: 'B', credibility: '2' } as const;
const ACCOUNT_COLS = ['id', 'key', 'type', 'display', 'country', 'chain', 'bank', 'provider', 'created_at'] as const;
const TX_COLS = [
  'owner_agency_id',
  'tlp',
  'pap',
  'reliability',
  'credibility',
  'audience_kind',
  'source',
  'source_key',
  'from_account_id',
  'to_account_id',
  'amount',
  'currency',
  'occurred_at',
  'victim_ref',
  'victim_country',
  'case_ref',
  'tx_hash',
  'created_at',
] as const;

/**
 * The baseline's first half: the file read and checked alone, the result written as COPY text
 * (accounts deduplicated by key, ids made here). Returns the counts.
 */
async function parseAlone(file: string, agencyId: string, dir: string) {
  const accountsOut = createWriteStream(join(dir, 'accounts.copy'));
  const txOut = createWriteStream(join(dir, 'tx.copy'));
  const ids = new Map<string, string>();
  const now = new Date().toISOString();
  let rows = 0;
  let errors = 0;
  let accBuf = '';
  let txBuf = '';
  const flush = async (force: boolean) => {
    if (accBuf.length > 1 << 20 || (force && accBuf)) {
      if (!accountsOut.write(accBuf)) await once(accountsOut, 'drain');
      accBuf = '';
    }
    if (txBuf.length > 1 << 20 || (force && txBuf)) {
      if (!txOut.write(txBuf)) await once(txOut, 'drain');
      txBuf = '';
    }
  };
  const idOf = (a: {
    key: string;
    type: string;
    display: string;
    country: string | null;
    chain: string | null;
    bank: string | null;
    provider: string | null;
  }) => {
    let id = ids.get(a.key);
    if (!id) {
      id = randomUUID();
      ids.set(a.key, id);
      accBuf += copyLine([id, a.key, a.type, a.display, a.country, a.chain, a.bank, a.provider, now]);
    }
    return id;
  };
  for await (const r of readTransactionFile(file, 'csv')) {
    if (!r.tx) {
      errors++;
      continue;
    }
    const p = prepareTransaction(r.tx);
    if (!p.ok) {
      errors++;
      continue;
    }
    // No set of the keys seen (10M keys would hold gigabytes and slow this side down with GC): the
    // generator's keys are unique (random hashes, numbered row keys), and a duplicate would stop
    // the COPY on the unique key rather than pass unnoticed.
    rows++;
    const t = p.tx;
    txBuf += copyLine([
      agencyId,
      MARKING.tlp,
      MARKING.pap,
      MARKING.reliability,
      MARKING.credibility,
      'all',
      'chain',
      t.sourceKey,
      t.from ? idOf(t.from) : null,
      idOf(t.to),
      t.amount,
      t.currency,
      t.occurredAt.toISOString(),
      t.victimRef,
      t.victimCountry,
      t.caseRef,
      t.txHash,
      now,
    ]);
    await flush(false);
  }
  await flush(true);
  accountsOut.end();
  txOut.end();
  await Promise.all([once(accountsOut, 'finish'), once(txOut, 'finish')]);
  return { rows, errors, accounts: ids.size };
}

/** COPY a text-format file into a table of the bench schema, on either driver. */
async function copyFile(database: Database, table: string, columns: readonly string[], file: string) {
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  if (database.driver === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its instance');
    const blob = new Blob([await readFile(file)]);
    return database.db.connection().execute(async () => {
      await pglite.query(`${statement} '/dev/blob'`, [], { blob });
    });
  }
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s ?? 'public';
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await pipeline(createReadStream(file), client.query(copyFrom(`${statement} stdin`)));
  } finally {
    await client.end();
  }
}

const count = async (database: Database, table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n);

async function main() {
  const o = ingestOptions(process.argv.slice(2));
  console.log(machineLine());
  const dir = await mkdtemp(join(o.dir, 'bench-finance-tx-'));
  const file = join(dir, 'transactions.csv');
  let t0 = performance.now();
  const bytes = await writeCsv(file, { rows: o.rows, accounts: o.accounts, seed: o.seed, badEvery: o.badEvery });
  console.log(
    `file: ${o.rows} rows, ${round(bytes / 2 ** 20)} MiB, written in ${round((performance.now() - t0) / 1000, 1)} s (not timed)`,
  );
  const bench = await openBenchDatabase(o.driver, 4);
  const { database } = bench;
  try {
    console.log(`database: ${bench.label}`);
    const agency = await database.db
      .insertInto('agencies')
      .values({ name: 'Bench FIU', country: 'TH', region: 'Asia', kind: 'fiu' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`create table base_accounts (like fin_accounts including all)`.execute(database.db);
    await sql`create table base_transactions (like fin_transactions including all)`.execute(database.db);
    console.log(loadLine('before'));

    // Baseline: parse and check alone, then COPY the result.
    t0 = performance.now();
    const base = await parseAlone(file, agency.id, dir);
    const parseS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await copyFile(database, 'base_accounts', ACCOUNT_COLS, join(dir, 'accounts.copy'));
    await copyFile(database, 'base_transactions', TX_COLS, join(dir, 'tx.copy'));
    const copyS = (performance.now() - t0) / 1000;
    console.log(
      `baseline: parse and check ${round(parseS, 1)} s, COPY ${round(copyS, 1)} s (${base.rows} transactions, ${base.accounts} accounts, ${base.errors} bad rows)`,
    );
    await rm(join(dir, 'accounts.copy'));
    await rm(join(dir, 'tx.copy'));

    // The product: cordon import's path.
    const viewer: Viewer = systemViewer({ id: agency.id, country: 'TH', region: 'Asia' }, ['finance']);
    const transactions = new TransactionsService({
      database,
      clock: systemClock,
      audit: createAuditor(systemClock),
      events: { notify() {} },
    });
    const progress: string[] = [];
    const out = Object.assign(
      new Writable({
        write(c, _e, cb) {
          progress.push(String(c));
          cb();
        },
      }),
      { isTTY: false },
    );
    t0 = performance.now();
    const s = await importTransactions(
      { record: (b) => transactions.record(viewer, b), out },
      { file, source: 'chain', marking: MARKING, batchSize: o.batch },
    );
    const importS = (performance.now() - t0) / 1000;
    console.log(loadLine('after'));
    console.log(
      `import: ${round(importS, 1)} s (${s.rows} rows: ${s.created} stored, ${s.existing} already present, ${s.errors.length} errors; ${round(s.rows / importS)} rows/s)`,
    );
    console.log(`progress: ${progress.at(-2)?.trim() ?? ''}`);

    // Checks: the same rows stored, the same bad rows reported, a re-import stores nothing.
    const stored = await count(database, 'fin_transactions');
    const accounts = await count(database, 'fin_accounts');
    const problems: string[] = [];
    if (stored !== base.rows || s.created !== base.rows) problems.push(`stored ${stored}, baseline ${base.rows}`);
    if (accounts !== base.accounts) problems.push(`accounts ${accounts}, baseline ${base.accounts}`);
    if (s.errors.length !== base.errors) problems.push(`errors ${s.errors.length}, baseline ${base.errors}`);
    const part = join(dir, 'part.csv');
    const head = Math.min(o.rows, Math.max(10_000, Math.floor(o.rows / 100)));
    await writeFile(part, await firstLines(file, head + 1));
    const again = await importTransactions(
      { record: (b) => transactions.record(viewer, b), out: new Writable({ write: (_c, _e, cb) => cb() }) },
      { file: part, source: 'chain', marking: MARKING, batchSize: o.batch },
    );
    if (again.created !== 0 || (await count(database, 'fin_transactions')) !== stored)
      problems.push(`re-import of ${head} rows stored ${again.created}`);
    console.log(
      problems.length === 0
        ? `checks: ${stored} transactions and ${accounts} accounts as the baseline; same ${base.errors} bad rows; re-import of ${head} rows stored 0 (${again.existing} present)`
        : `CHECKS FAILED: ${problems.join('; ')}`,
    );
    const baseline = parseS + copyS;
    console.log(
      resultLine({
        name: 'tx-ingest',
        figure: 'import_s',
        value: round(importS, 1),
        baseline: round(baseline, 1),
        ratio: ratioText(baseline / importS),
        goal: '0.5',
      }),
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await bench.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
