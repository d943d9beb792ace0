import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { Audience } from '@cordon/contracts';
import { type CsvError, parse } from 'csv-parse';
import {
  COLUMNS,
  type Column,
  oneOf,
  parseAudience,
  parseGrade,
  parseMoTags,
  parsePap,
  parseRef,
  parseTlp,
  REQUIRED_COLUMNS,
  VOCAB,
} from './columns.ts';
import { CellReader, readEntity } from './entity-row.ts';
import { type BulkError, type BulkReport, ReportGroup } from './report-group.ts';

export type { BulkError, BulkReport } from './report-group.ts';

export interface BulkOptions {
  /** The importer's country: the region of national phone numbers, as the service uses it. */
  defaultCountry?: string;
  /** The modus-operandi codes the taxonomy knows; unknown codes are then row errors. */
  moTags?: ReadonlySet<string>;
  /** Audience when a report gives none (default: all members; TLP still governs handling). */
  defaultAudience?: Audience;
}

export interface BulkResult {
  reports: BulkReport[];
  errors: BulkError[];
  /** Data rows read (the header not counted). */
  rowCount: number;
  /** First 16 hex digits of the SHA-256 of the file: part of every sourceRef. */
  fileHash: string;
}

type Cells = Partial<Record<Column, string>>;
const header = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const entityType = (t: string) => {
  const v = t
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return v === 'organization' ? 'organisation' : v === 'centre' || v === 'scam-center' ? 'scam-centre' : v;
};

/** One row: header cells into the group (conflicts are errors), then the entity and its link. */
function readRow(cells: Cells, row: number, groups: Map<string, ReportGroup>, opts: BulkOptions): BulkError[] {
  const r = new CellReader(cells);
  const reportRef = r.get(
    'report_ref',
    (c) => (c.length > 150 ? { ok: false, message: 'longer than 150 characters' } : { ok: true, value: c }),
    true,
  );
  if (!reportRef) return r.errors.map((e) => ({ row, ...e, message: e.message.replace(' for this entity_type', '') }));
  const group = groups.get(reportRef) ?? new ReportGroup(reportRef);
  groups.set(reportRef, group);
  const heads: Array<[Column, 'title' | 'summary' | 'tlp' | 'audience' | 'pap' | 'grade', (c: string) => unknown]> = [
    [
      'report_title',
      'title',
      (c) =>
        c.length >= 3 && c.length <= 300
          ? { ok: true, value: c }
          : { ok: false, message: 'a title has 3 to 300 characters' },
    ],
    [
      'report_summary',
      'summary',
      (c) => (c.length <= 20_000 ? { ok: true, value: c } : { ok: false, message: 'longer than 20000 characters' }),
    ],
    ['tlp', 'tlp', parseTlp],
    ['audience', 'audience', parseAudience],
    ['pap', 'pap', parsePap],
    ['grade', 'grade', parseGrade],
  ];
  const headerValues: Array<() => string | undefined> = [];
  for (const [column, field, parser] of heads) {
    const value = r.get(column, parser as never);
    if (value !== undefined) headerValues.push(() => group.setHeader(field, value, r.text(column) ?? '', row));
  }
  const tags = r.get('mo_tags', (c) => parseMoTags(c, opts.moTags));
  const type = r.text('entity_type');
  const ref = r.get('entity_ref', parseRef) ?? (type ? `row-${row}` : undefined);
  const entity = type ? readEntity(r, entityType(type), opts.defaultCountry) : undefined;
  const relatedTo = r.text('related_to');
  const relationship = r.get('relationship', (c) => oneOf(c, VOCAB.relationship));
  if ((relatedTo === undefined) !== (r.text('relationship') === undefined))
    r.fail(relatedTo ? 'relationship' : 'related_to', 'related_to and relationship go together');
  if (!type && relatedTo && !r.text('entity_ref'))
    r.fail('entity_ref', 'a relationship row needs the entity_ref it starts from');
  if (type && ref && group.hasRef(ref)) r.fail('entity_ref', `'${ref}' is already used in report ${reportRef}`);
  if (r.errors.length === 0)
    for (const set of headerValues) {
      const conflict = set();
      if (conflict) return [{ row, field: 'report', message: conflict }];
    }
  if (r.errors.length) return r.errors.map((e) => ({ row, ...e }));
  if (entity && ref) {
    const full = group.addEntity(ref, entity, row);
    if (full) return [{ row, field: 'entity_type', message: full }];
  }
  if (tags) group.addMoTags(tags);
  if (ref && relatedTo && relationship) group.link(row, ref, relatedTo, relationship);
  group.rows.push(row);
  return [];
}

/**
 * Reads a bulk CSV (columns: README.md) as it streams, groups rows into reports by report_ref and
 * validates every cell, selectors with the shared normaliser. Bad rows are listed with their row
 * number and reason, never dropped silently. sourceRef = `csv:<sha256 16 hex>:<report_ref>`, so
 * importing the same file again (after a crash, say) stores each report once.
 */
export async function parseBulkCsv(source: Readable | string | Buffer, opts: BulkOptions = {}): Promise<BulkResult> {
  const hash = createHash('sha256');
  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([Buffer.from(source)]) : source;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const errors: BulkError[] = [];
  let skipped = 0;
  let columns: string[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      columns = names.map(header);
      return columns;
    },
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const at = Number((err as { records?: number } | undefined)?.records ?? 0) + skipped + 2;
      skipped++;
      errors.push({ row: at, field: '', message: `unreadable CSV: ${err?.message ?? 'parse error'}` });
      return undefined;
    },
    on_record: (record: Record<string, string>, ctx) => ({ cells: record, row: ctx.records + skipped + 1 }),
  });
  const groups = new Map<string, ReportGroup>();
  let rowCount = 0;
  const stream = input.pipe(hashing).pipe(parser);
  input.on('error', (e) => stream.destroy(e));
  for await (const { cells, row } of stream as AsyncIterable<{ cells: Cells; row: number }>) {
    if (rowCount === 0) {
      const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
      if (missing.length) {
        errors.push({
          row: 1,
          field: missing.join(', '),
          message: `missing column(s); expected: ${COLUMNS.join(', ')}`,
        });
        input.unpipe();
        stream.destroy();
        break;
      }
    }
    rowCount++;
    if (Object.values(cells).every((v) => v === undefined || v.trim() === '')) continue; // a blank row
    errors.push(...readRow(cells, row, groups, opts));
  }
  if (rowCount === 0 && !errors.some((e) => e.row === 1))
    errors.push({ row: 1, field: '', message: columns.length ? 'no data rows' : 'empty file: no header row' });
  const fileHash = hash.digest('hex').slice(0, 16);
  const reports: BulkReport[] = [];
  for (const g of groups.values()) {
    const done = g.finish(`csv:${fileHash}:${g.reportRef}`, opts.defaultAudience ?? { kind: 'all' });
    errors.push(...done.errors);
    if (done.report) reports.push(done.report);
  }
  errors.sort((a, b) => a.row - b.row);
  return { reports, errors, rowCount, fileHash };
}
