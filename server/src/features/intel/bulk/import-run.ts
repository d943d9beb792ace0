import { createReadStream } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Marking, NewReport, Report } from '@cordon/contracts';
import { AppError } from '../../../platform/http/errors.ts';
import type { BatchOutcome } from '../bulk-submit.ts';
import { fromStixBundle } from '../stix/index.ts';
import { parseBulkCsv } from './csv-import.ts';
import { errorsCsv, type ImportError, Progress } from './error-report.ts';
import { checkNewReport } from './validate.ts';

export type ImportFormat = 'csv' | 'stix';

/** Files of this many reports or more go through the bulk path, at most this many reports a transaction. */
export const BULK_FROM = 50;
export const BULK_SIZE = 500;

export interface ImportOptions {
  file: string;
  format?: ImportFormat;
  dryRun?: boolean;
  /** Where to write the error report (CSV); printed to `err` when absent. */
  errorsFile?: string;
  /** The importer's country (national phone numbers) and the MO codes the taxonomy knows. */
  defaultCountry?: string;
  moTags?: ReadonlySet<string>;
  /** Marking for what a STIX bundle does not mark. */
  defaultMarking: Marking;
}

export interface ImportDeps {
  /** The intel service's submit, bound to the importing user. */
  submit(input: NewReport, requestId: string): Promise<Report>;
  /**
   * The intel service's bulk submission, bound to the importing user: used for files of
   * BULK_FROM reports or more, BULK_SIZE reports a transaction (same outcome, far fewer trips).
   */
  submitBatch?(inputs: NewReport[], requestId: string): Promise<BatchOutcome[]>;
  out: Writable & { isTTY?: boolean };
  err: Writable;
}

export interface ImportSummary {
  format: ImportFormat;
  reports: number;
  created: number;
  present: number;
  failed: number;
  errors: ImportError[];
}

interface Item {
  input: NewReport;
  rows: Array<number | string>;
  rowOf(field: string): number | string | undefined;
}

/** csv or stix: the option, else the extension, else the first character (`{` is JSON). */
export async function detectFormat(file: string, given?: string): Promise<ImportFormat> {
  if (given === 'csv' || given === 'stix') return given;
  if (given !== undefined) throw new Error(`unknown format '${given}' (csv or stix)`);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json' || ext === '.stix') return 'stix';
  const fh = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(512), 0, 512, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return head.startsWith('{') ? 'stix' : 'csv';
  } finally {
    await fh.close();
  }
}

async function readItems(format: ImportFormat, o: ImportOptions): Promise<{ items: Item[]; errors: ImportError[] }> {
  if (format === 'csv') {
    const r = await parseBulkCsv(createReadStream(o.file), { defaultCountry: o.defaultCountry, moTags: o.moTags });
    const items = r.reports.map((b) => ({
      input: b.input,
      rows: b.rows,
      rowOf: (f: string) => {
        const m = /^(\w+)\.(\d+)/.exec(f);
        return m ? b.origin[`${m[1]}.${m[2]}`] : b.origin[f];
      },
    }));
    return { items, errors: r.errors };
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(o.file, 'utf8'));
  } catch (e) {
    return { items: [], errors: [{ row: o.file, field: '', message: `not JSON: ${(e as Error).message}` }] };
  }
  const r = fromStixBundle(bundle, { defaultMarking: o.defaultMarking, defaultCountry: o.defaultCountry });
  const errors: ImportError[] = r.errors.map((e) => ({
    row: e.objectId,
    field: e.objectId.includes('--') ? (e.objectId.split('--')[0] ?? '') : '',
    message: e.message,
  }));
  const items: Item[] = [];
  for (const input of r.reports) {
    const ref = input.sourceRef ?? input.title;
    const unknownTags = o.moTags ? input.moTags.filter((t) => !o.moTags!.has(t)) : [];
    if (unknownTags.length) input.moTags = input.moTags.filter((t) => o.moTags!.has(t));
    for (const t of unknownTags)
      errors.push({ row: ref, field: 'moTags', message: `'${t}' is not in the modus-operandi taxonomy: left out` });
    items.push({ input, rows: [ref], rowOf: () => ref });
  }
  return { items, errors };
}

/** Where a failed submission's errors go: the rows they name, or every row of the report. */
function placeFailure(item: Item, fields: ReadonlyArray<{ field: string; message: string }>): ImportError[] {
  return fields.flatMap((f) => {
    const message = `${f.field ? `${f.field}: ` : ''}${f.message} (report not stored)`;
    const row = f.field ? item.rowOf(f.field) : undefined;
    return row !== undefined
      ? [{ row, field: f.field, message }]
      : item.rows.map((r) => ({ row: r, field: f.field, message }));
  });
}

/**
 * Parses the file, checks every submission against the contract, then submits them (unless a
 * dry run): one by one, or for big files in bulk batches with the same outcome and reports: created, already present (same sourceRef), failed, and the
 * per-row error report.
 */
export async function runImport(deps: ImportDeps, o: ImportOptions): Promise<ImportSummary> {
  const format = await detectFormat(o.file, o.format);
  const { items, errors } = await readItems(format, o);
  const ready: Item[] = [];
  for (const item of items) {
    const invalid = checkNewReport(item.input);
    if (invalid.length === 0) ready.push(item);
    else errors.push(...placeFailure(item, invalid));
  }
  const summary: ImportSummary = {
    format,
    reports: ready.length,
    created: 0,
    present: 0,
    failed: items.length - ready.length,
    errors,
  };
  if (!o.dryRun) {
    const progress = new Progress(deps.out, ready.length);
    const startedAt = Date.now();
    progress.update(0, summary);
    let i = 0;
    if (deps.submitBatch && ready.length >= BULK_FROM) {
      // At least ten batches (of 10 to BULK_SIZE reports): the progress bar moves, and a run
      // stopped half-way leaves whole batches stored.
      const size = Math.min(BULK_SIZE, Math.max(10, Math.ceil(ready.length / 10)));
      for (; i < ready.length; i += size) {
        const chunk = ready.slice(i, i + size);
        let outcomes: BatchOutcome[];
        try {
          outcomes = await deps.submitBatch(
            chunk.map((c) => c.input),
            `import:batch:${chunk[0]?.input.sourceRef ?? i}`,
          );
        } catch (e) {
          summary.failed += chunk.length;
          for (const item of chunk) errors.push(...placeFailure(item, [{ field: '', message: (e as Error).message }]));
          progress.update(Math.min(ready.length, i + size), summary);
          continue;
        }
        for (const [k, out] of outcomes.entries()) {
          const item = chunk[k] as Item;
          if (out.ok && out.created) summary.created++;
          else if (out.ok) summary.present++;
          else {
            summary.failed++;
            const fields = out.error.errors?.length ? out.error.errors : [{ field: '', message: out.error.message }];
            errors.push(...placeFailure(item, fields));
          }
        }
        progress.update(Math.min(ready.length, i + size), summary);
      }
    }
    for (; i < ready.length; i++) {
      const item = ready[i] as Item;
      try {
        const stored = await deps.submit(item.input, `import:${item.input.sourceRef ?? i}`);
        if (Date.parse(stored.createdAt) < startedAt) summary.present++;
        else summary.created++;
      } catch (e) {
        summary.failed++;
        const fields =
          e instanceof AppError && e.errors?.length ? e.errors : [{ field: '', message: (e as Error).message }];
        errors.push(...placeFailure(item, fields));
      }
      progress.update(i + 1, summary);
    }
  }
  errors.sort((a, b) => (typeof a.row === 'number' && typeof b.row === 'number' ? a.row - b.row : 0));
  const verb = o.dryRun ? 'would submit' : 'submitted';
  deps.out.write(
    `${o.file} (${format}): ${verb} ${ready.length} report(s)` +
      (o.dryRun ? '' : ` — created ${summary.created}, already present ${summary.present}`) +
      `, failed ${summary.failed}; ${errors.length} error(s)\n`,
  );
  if (errors.length && o.errorsFile) {
    await writeFile(o.errorsFile, errorsCsv(errors));
    deps.out.write(`error report written to ${o.errorsFile}\n`);
  } else if (errors.length) deps.err.write(errorsCsv(errors));
  return summary;
}
