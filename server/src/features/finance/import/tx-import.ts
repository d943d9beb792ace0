import { createReadStream } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { BatchResult, Marking, NewTransaction, NewTransactionBatch } from '@cordon/contracts';
import { errorsCsv, type ImportError, Progress } from '../../intel/bulk/error-report.ts';
import { readTransactionFile } from './tx-file.ts';

export interface TxImportDeps {
  record: (batch: NewTransactionBatch) => Promise<BatchResult>;
  out: Writable & { isTTY?: boolean; columns?: number };
}

export interface TxImportOptions {
  file: string;
  source: NewTransactionBatch['source'];
  marking: Marking;
  format?: 'csv' | 'json';
  dryRun?: boolean;
  errorsFile?: string;
  batchSize?: number;
}

export interface TxImportSummary {
  rows: number;
  created: number;
  existing: number;
  errors: ImportError[];
}

/** The format from the name, else from the first non-blank character. */
async function formatOf(file: string): Promise<'csv' | 'json'> {
  if (file.toLowerCase().endsWith('.json')) return 'json';
  const h = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await h.read(Buffer.alloc(256), 0, 256, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').trimStart();
    return head.startsWith('[') || head.startsWith('{') ? 'json' : 'csv';
  } finally {
    await h.close();
  }
}

/** Data rows of a CSV for the progress bar: its line breaks, less the header (an estimate if fields hold line breaks). */
async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
    if (b.length > 0) last = b[b.length - 1] as number;
  }
  return Math.max(0, n + (last === 10 ? 0 : 1) - 1);
}

/**
 * Imports a transaction file in batches, each batch one database transaction: killed half way,
 * the committed batches stay, and a re-run stores only what is missing (rows are keyed by source
 * key). The file is read as a stream (a CSV of millions of rows never sits in memory), and the
 * next batch is read and checked while the database stores the previous one (one batch in
 * flight, committed in file order). Writes a progress bar and, when asked, the per-row error report.
 */
/**
 * Rows per batch (one database transaction each). Measured with bench/tx-ingest at 1,000,000 rows
 * on PostgreSQL: 173 s with 5,000, 122 s with 20,000 (docs/benchmarks.md); a batch of 20,000
 * holds a few MiB and one transaction of about 2–3 s.
 */
export const DEFAULT_TX_BATCH = 20_000;

export async function importTransactions(deps: TxImportDeps, o: TxImportOptions): Promise<TxImportSummary> {
  const format = o.format ?? (await formatOf(o.file));
  const summary: TxImportSummary = { rows: 0, created: 0, existing: 0, errors: [] };
  const size = o.batchSize ?? DEFAULT_TX_BATCH;
  const total = format === 'csv' ? await countLines(o.file) : 0;
  const progress = o.dryRun ? null : new Progress(deps.out, total, 'transactions');
  progress?.update(0, { created: 0, present: 0, failed: 0 });
  let done = 0;
  const tick = () =>
    progress?.update(Math.min(done, Math.max(total, done)), {
      created: summary.created,
      present: summary.existing,
      failed: summary.errors.length,
    });

  const store = async (chunk: { row: number; tx: NewTransaction }[], seen: number) => {
    const r = await deps.record({ source: o.source, marking: o.marking, rows: chunk.map((c) => c.tx) });
    summary.created += r.created;
    summary.existing += r.existing;
    for (const e of r.errors)
      summary.errors.push({ row: chunk[e.row]?.row ?? e.row, field: e.field, message: e.message });
    done = seen;
    tick();
  };
  let inflight: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    if (inflight) await inflight;
    inflight = null;
    if (failure) throw failure.error;
  };

  let chunk: { row: number; tx: NewTransaction }[] = [];
  for await (const r of readTransactionFile(o.file, format)) {
    if (r.row > 0) summary.rows++;
    summary.errors.push(...r.errors);
    if (r.tx) chunk.push({ row: r.row, tx: r.tx });
    if (chunk.length >= size && !o.dryRun) {
      await settle();
      // Stored while the next batch is read; a failure surfaces at the next settle.
      inflight = store(chunk, summary.rows).catch((error: unknown) => {
        failure = { error };
      });
      chunk = [];
    }
  }
  await settle();
  if (chunk.length > 0 && !o.dryRun) await store(chunk, summary.rows);
  if (progress) {
    done = Math.max(total, summary.rows);
    tick();
  }
  summary.errors.sort((a, b) => Number(a.row) - Number(b.row));
  if (o.errorsFile) await writeFile(o.errorsFile, errorsCsv(summary.errors));
  deps.out.write(
    `${o.dryRun ? 'checked' : 'imported'} ${summary.rows} rows: ${summary.created} stored, ${summary.existing} already present, ${summary.errors.length} errors\n`,
  );
  return summary;
}
