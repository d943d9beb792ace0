import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type NormaliseResult, normaliseMany } from '../../server/src/features/intel/selectors/index.ts';
import { copyInto, copyLine } from '../lib/copy.ts';
import type { BenchDatabase } from '../lib/database.ts';
import { REPORT_COLUMNS, reportCopyRows } from '../lib/intel-store.ts';
import { type SyntheticSet, selectorInput } from '../lib/intel-synthetic.ts';
import type { Agencies } from './setup.ts';

/** bench/ingest's baseline: the unavoidable work on the same inputs (see index.ts). */
export interface Baseline {
  normaliseMs: number;
  copyMs: number;
  unindexedCopyMs: number;
  keys: number;
}

/**
 * The unavoidable work: normalise every selector input (as prepareReport would hand it to the
 * normaliser), then COPY the rows ingest would store into equivalent tables.
 */
export async function baseline(
  database: BenchDatabase['database'],
  set: SyntheticSet,
  agencies: Agencies,
): Promise<Baseline> {
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
