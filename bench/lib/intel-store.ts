/**
 * Benchmark set-up only: stores synthetic selectors straight into `reports` and `entities`
 * with COPY, normalised as the server would (normaliseMany), without cross-matching, hits,
 * alerts, events or audit. For a realistic amount of stored intelligence before measuring
 * something else; never for measuring the ingest itself (bench/ingest does that).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { normaliseMany } from '../../server/src/features/intel/selectors/index.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { toColumns } from '../../server/src/platform/markings/columns.ts';
import { copyInto, copyLine } from './copy.ts';
import { type SyntheticAgency, type SyntheticSet, selectorInput } from './intel-synthetic.ts';

/** The columns `reportCopyRows` writes, in order. */
export const REPORT_COLUMNS = [
  'id',
  'owner_agency_id',
  'title',
  'summary',
  'tlp',
  'pap',
  'reliability',
  'credibility',
  'audience_kind',
  'audience_regions',
  'audience_agencies',
  'mo_tags',
  'source_ref',
  'created_at',
] as const;
const ENTITY_COLUMNS = [
  'report_id',
  'owner_agency_id',
  'kind',
  'label',
  'selector_kind',
  'key',
  'country',
  'attrs',
  'created_at',
] as const;

export const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

/** The set's reports as COPY text (REPORT_COLUMNS), in chunks of about 1 MiB. */
export function* reportCopyRows(set: SyntheticSet, agencies: SyntheticAgency[], ids: string[], at: string) {
  let chunk = '';
  for (const [i, r] of set.reports.entries()) {
    const m = toColumns(r.input.marking);
    chunk += copyLine([
      ids[i]!,
      agencies[r.agency]!.id,
      r.input.title,
      r.input.summary,
      m.tlp,
      m.pap,
      m.reliability,
      m.credibility,
      m.audience_kind,
      pgArray(m.audience_regions),
      pgArray(m.audience_agencies),
      pgArray(r.input.moTags),
      r.input.sourceRef ?? null,
      at,
    ]);
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Loads the set's reports and selectors with COPY, then analyses both tables. Returns the selectors stored. */
export async function storeSynthetic(
  database: Database,
  set: SyntheticSet,
  agencies: SyntheticAgency[],
): Promise<number> {
  const inputs = set.reports.flatMap((r) =>
    (r.input.selectors ?? []).map((s) => selectorInput(s, agencies[r.agency]!.country)),
  );
  const normalised = normaliseMany(inputs);
  const bad = normalised.findIndex((n) => !n.ok);
  if (bad >= 0) throw new Error(`synthetic selector ${JSON.stringify(inputs[bad])} does not normalise`);
  const at = new Date().toISOString();
  const ids = set.reports.map(() => randomUUID());
  function* entityRows() {
    let chunk = '';
    let k = 0;
    for (const [i, r] of set.reports.entries()) {
      for (const s of r.input.selectors ?? []) {
        const n = normalised[k++]!;
        if (!n.ok) continue;
        const sel = n.selector;
        chunk += copyLine([
          ids[i]!,
          agencies[r.agency]!.id,
          'selector',
          sel.display,
          sel.kind,
          sel.key,
          sel.details.country ?? s.country ?? null,
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
  }
  await copyInto(database, 'reports', REPORT_COLUMNS, reportCopyRows(set, agencies, ids, at));
  const stored = await copyInto(database, 'entities', ENTITY_COLUMNS, entityRows());
  // PGlite has no autovacuum: without statistics its planner guesses. PostgreSQL would analyse
  // the loaded tables by itself a little later; do it now on both.
  await sql`analyze reports`.execute(database.db);
  await sql`analyze entities`.execute(database.db);
  return stored;
}
