import type { Audience, Marking, NewReport } from '@cordon/contracts';
import { type Column, isUuid } from './columns.ts';
import type { RowEntity } from './entity-row.ts';
import { checkNewReport } from './validate.ts';

export interface BulkError {
  /** Spreadsheet row: the header is row 1, the first record row 2. */
  row: number;
  field: string;
  message: string;
}

export interface BulkReport {
  input: NewReport;
  /** The rows that went into this report. */
  rows: number[];
  /** Which row each part came from (`selectors.3` → 12, `title` → 2), to place the service's errors. */
  origin: Record<string, number>;
}

type Header = 'title' | 'summary' | 'tlp' | 'audience' | 'pap' | 'grade';
const LIMITS = { persons: 500, organisations: 500, scamCentres: 200, selectors: 5000 } as const;
const LIST_OF: Record<RowEntity['kind'], keyof typeof LIMITS> = {
  person: 'persons',
  organisation: 'organisations',
  'scam-centre': 'scamCentres',
  selector: 'selectors',
};

interface PendingLink {
  row: number;
  from: string;
  to: string;
  type: NonNullable<NewReport['relationships']>[number]['type'];
}

/** The rows of one report_ref, gathered while the file streams by; `finish` gives the submission. */
export class ReportGroup {
  readonly rows: number[] = [];
  private readonly header = new Map<Header, { value: unknown; text: string; row: number }>();
  private readonly moTags = new Set<string>();
  private readonly lists = { persons: [], organisations: [], scamCentres: [], selectors: [] } as {
    [K in keyof typeof LIMITS]: Array<NonNullable<NewReport[K]>[number]>;
  };
  private readonly origin: Record<string, number> = {};
  /** entity_ref → the submission ref (a repeated selector points at the first one). */
  private readonly refs = new Map<string, string>();
  private readonly byKey = new Map<string, string>();
  private readonly links: PendingLink[] = [];

  constructor(readonly reportRef: string) {}

  /** A report-level cell; a different value from an earlier row is a conflict. */
  setHeader(field: Header, value: unknown, text: string, row: number): string | undefined {
    const seen = this.header.get(field);
    if (!seen) this.header.set(field, { value, text, row });
    else if (JSON.stringify(seen.value) !== JSON.stringify(value))
      return `'${text}' conflicts with '${seen.text}' given for report ${this.reportRef} on row ${seen.row}`;
    return undefined;
  }

  addMoTags(tags: string[]): void {
    for (const t of tags) this.moTags.add(t);
  }

  hasRef(ref: string): boolean {
    return this.refs.has(ref);
  }

  /** Adds a row's entity; a reason when the report is full. */
  addEntity(ref: string, e: RowEntity, row: number): string | undefined {
    const list = LIST_OF[e.kind];
    if (e.kind === 'selector') {
      const first = this.byKey.get(e.key);
      if (first) {
        this.refs.set(ref, first);
        return undefined;
      }
    }
    if (this.lists[list].length >= LIMITS[list])
      return `report ${this.reportRef} already has ${LIMITS[list]} ${list}, the most one report may hold`;
    this.origin[`${list}.${this.lists[list].length}`] = row;
    (this.lists[list] as Array<{ ref: string }>).push({ ref, ...e.data });
    this.refs.set(ref, ref);
    if (e.kind === 'selector') this.byKey.set(e.key, ref);
    return undefined;
  }

  link(row: number, from: string, to: string, type: PendingLink['type']): void {
    this.links.push({ row, from, to, type });
  }

  /** The submission, or none; every row that cannot go in gets an error. */
  finish(sourceRef: string, fallbackAudience: Audience): { report?: BulkReport; errors: BulkError[] } {
    const errors: BulkError[] = [];
    const all = (field: Column, message: string) => {
      for (const row of this.rows) errors.push({ row, field, message });
      return { errors };
    };
    const entities = Object.values(this.lists).reduce((n, l) => n + l.length, 0);
    if (this.rows.length === 0) return { errors };
    if (entities === 0) return all('entity_type', `report ${this.reportRef} has no entity row that could be imported`);
    const need = (field: Header, column: Column) =>
      this.header.has(field) ? undefined : `report ${this.reportRef} has no ${column} on any row: not imported`;
    for (const [field, column] of [
      ['title', 'report_title'],
      ['tlp', 'tlp'],
      ['pap', 'pap'],
      ['grade', 'grade'],
    ] as const) {
      const missing = need(field, column);
      if (missing) return all(column, missing);
    }
    const value = <T>(f: Header) => this.header.get(f)?.value as T;
    const grade = value<Pick<Marking, 'reliability' | 'credibility'>>('grade');
    const marking: Marking = {
      tlp: value<Marking['tlp']>('tlp'),
      audience: (this.header.get('audience')?.value as Audience | undefined) ?? fallbackAudience,
      pap: value<Marking['pap']>('pap'),
      ...grade,
    };
    const relationships: NonNullable<NewReport['relationships']> = [];
    const seen = new Set<string>();
    for (const l of this.links) {
      const from = this.refs.get(l.from);
      const to = this.refs.get(l.to) ?? (isUuid(l.to) ? l.to.toLowerCase() : undefined);
      if (!from || !to) {
        const [field, ref] = from ? (['related_to', l.to] as const) : (['entity_ref', l.from] as const);
        errors.push({
          row: l.row,
          field,
          message: `'${ref}' is no imported entity_ref of report ${this.reportRef} (nor an entity id): relationship not imported`,
        });
        continue;
      }
      const key = `${from}|${to}|${l.type}`;
      if (from === to || seen.has(key)) continue;
      seen.add(key);
      this.origin[`relationships.${relationships.length}`] = l.row;
      relationships.push({ from, to, type: l.type });
    }
    this.origin.title = this.header.get('title')!.row;
    const input: NewReport = {
      title: value<string>('title'),
      summary: value<string | undefined>('summary') ?? '',
      marking,
      moTags: [...this.moTags].slice(0, 30),
      sourceRef,
    };
    for (const k of Object.keys(LIMITS) as Array<keyof typeof LIMITS>)
      if (this.lists[k].length) (input as Record<string, unknown>)[k] = this.lists[k];
    if (relationships.length) input.relationships = relationships;
    const invalid = checkNewReport(input);
    if (invalid.length) {
      for (const e of invalid) {
        const row = this.rowOf(e.field);
        const message = `${e.field}: ${e.message} (report ${this.reportRef} not imported)`;
        if (row !== undefined) errors.push({ row, field: e.field, message });
        else errors.push(...this.rows.map((r) => ({ row: r, field: e.field, message })));
      }
      return { errors };
    }
    return { report: { input, rows: [...this.rows], origin: { ...this.origin } }, errors };
  }

  /** The row a submission field (`selectors.3.value`) came from, when it came from one row. */
  rowOf(field: string): number | undefined {
    const m = /^(\w+)\.(\d+)/.exec(field);
    return m ? this.origin[`${m[1]}.${m[2]}`] : field === 'title' ? this.origin.title : undefined;
  }
}
