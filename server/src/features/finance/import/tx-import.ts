import { readFile, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { BatchResult, Marking, NewTransactionBatch } from '@cordon/contracts';
import { errorsCsv, type ImportError, Progress } from '../../intel/bulk/error-report.ts';
import { parseTransactionFile } from './tx-file.ts';

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

/**
 * Imports a transaction file in batches, each batch one database transaction: killed half way,
 * the committed batches stay, and a re-run stores only what is missing (rows are keyed by source
 * key). Writes a progress bar and, when asked, the per-row error report.
 */
export async function importTransactions(deps: TxImportDeps, o: TxImportOptions): Promise<TxImportSummary> {
  const text = await readFile(o.file, 'utf8');
  const format =
    o.format ??
    (o.file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('[') || text.trimStart().startsWith('{')
      ? 'json'
      : 'csv');
  const parsed = parseTransactionFile(text, format);
  const summary: TxImportSummary = {
    rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size,
    created: 0,
    existing: 0,
    errors: [...parsed.errors],
  };
  const size = o.batchSize ?? 1000;
  if (!o.dryRun) {
    const progress = new Progress(deps.out, parsed.rows.length, 'transactions');
    progress.update(0, { created: 0, present: 0, failed: summary.errors.length });
    for (let i = 0; i < parsed.rows.length; i += size) {
      const chunk = parsed.rows.slice(i, i + size);
      const r = await deps.record({ source: o.source, marking: o.marking, rows: chunk.map((c) => c.tx) });
      summary.created += r.created;
      summary.existing += r.existing;
      for (const e of r.errors)
        summary.errors.push({ row: chunk[e.row]?.row ?? e.row, field: e.field, message: e.message });
      progress.update(Math.min(i + size, parsed.rows.length), {
        created: summary.created,
        present: summary.existing,
        failed: summary.errors.length,
      });
    }
  }
  summary.errors.sort((a, b) => Number(a.row) - Number(b.row));
  if (o.errorsFile) await writeFile(o.errorsFile, errorsCsv(summary.errors));
  deps.out.write(
    `${o.dryRun ? 'checked' : 'imported'} ${summary.rows} rows: ${summary.created} stored, ${summary.existing} already present, ${summary.errors.length} errors\n`,
  );
  return summary;
}
