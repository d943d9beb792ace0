import { randomUUID } from 'node:crypto';
import type { NewReport } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Tx } from '../../platform/db/database.ts';
import { type FieldError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { agencyInfos } from './agencies-lookup.ts';
import type { AlertsRepository, NewAlert } from './alerts.repository.ts';
import { alertsForHit } from './hit-alerts.ts';
import type { HitsRepository } from './hits.repository.ts';
import { bestPerAgency, type FoundHit, findFuzzyMatches, selectorHit } from './matching.ts';
import { type PreparedReport, prepareReport } from './prepare.ts';
import type { EntityRow, ReportRow, ReportsRepository } from './reports.repository.ts';
import { type IntelDeps, publishAlerts, reader } from './reports.service.ts';
import { reportsChanged } from './selector-index.ts';
import { warningListChanged } from './warning-list-events.ts';
import { loadWatches, watchAlertsOf } from './watch-match.ts';

/**
 * Bulk submission (docs/decisions.md, "Bulk ingest"): many reports in one transaction, with the
 * outcome the per-report path (`ReportsService.submit`, one report after another in the given
 * order) would have: the same reports and entities, the same hits (a report meets what was stored
 * before it, including the earlier reports of the batch), the same alerts and events, the same
 * idempotency by sourceRef. What changes is how: normalisation for the whole batch, one
 * multi-row insert per table, the selector matching as one query for every key of the batch
 * plus an in-memory pass for the matches inside it, one watchlist query, one audit entry per
 * submitting agency and batch (naming every report) instead of one per report, no re-read.
 */

export interface BatchItem {
  viewer: Viewer;
  input: NewReport;
}

export type BatchOutcome =
  | { ok: true; reportId: string; created: boolean; entities: number; hits: number }
  | { ok: false; error: ValidationError | NotFoundError };

interface Ready {
  index: number;
  viewer: Viewer;
  input: NewReport;
  prepared: PreparedReport;
  linked: EntityRow[];
  report?: ReportRow;
  entities?: EntityRow[];
}

/** The advisory lock every submission takes shared and a bulk batch exclusively. */
export const BULK_GATE = 7301;

/** Rows per multi-row insert: under PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 4000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Entities in one statement per 20,000 rows: one array parameter per column, unnested on the
 * server (a VALUES list would carry 13 parameters a row, and parsing them costs more than the
 * insert). The two text[] columns travel as JSON arrays.
 */
async function insertEntityRows(tx: Tx, rows: EntityRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const c = rows.slice(i, i + 20_000);
    const col = <T>(f: (e: EntityRow) => T) => sql.val(c.map(f));
    await sql`insert into entities
        (id, report_id, owner_agency_id, kind, label, selector_kind, key, name_keys, blocking_keys,
         country, lat, lon, attrs, created_at)
      select u.id, u.report_id, u.owner_agency_id, u.kind, u.label, u.selector_kind, u.key,
        array(select jsonb_array_elements_text(u.name_keys)),
        array(select jsonb_array_elements_text(u.blocking_keys)),
        u.country, u.lat, u.lon, u.attrs, u.created_at
      from unnest(
        ${col((e) => e.id)}::uuid[], ${col((e) => e.report_id)}::uuid[], ${col((e) => e.owner_agency_id)}::uuid[],
        ${col((e) => e.kind)}::text[], ${col((e) => e.label)}::text[], ${col((e) => e.selector_kind)}::text[],
        ${col((e) => e.key)}::text[], ${col((e) => JSON.stringify(e.name_keys))}::jsonb[],
        ${col((e) => JSON.stringify(e.blocking_keys))}::jsonb[], ${col((e) => e.country)}::text[],
        ${col((e) => e.lat)}::float8[], ${col((e) => e.lon)}::float8[], ${col((e) => JSON.stringify(e.attrs))}::jsonb[],
        ${col((e) => e.created_at)}::timestamptz[]
      ) as u(id, report_id, owner_agency_id, kind, label, selector_kind, key, name_keys, blocking_keys,
             country, lat, lon, attrs, created_at)`.execute(tx);
  }
}

export class BulkSubmitter {
  constructor(
    private readonly d: IntelDeps,
    private readonly repo: ReportsRepository,
    private readonly hits: HitsRepository,
    private readonly alerts: AlertsRepository,
  ) {}

  async submit(items: BatchItem[], opts: { requestId?: string; at?: Date } = {}): Promise<BatchOutcome[]> {
    try {
      return await this.#submit(items, opts);
    } catch (e) {
      // Another writer stored one of these sourceRefs meanwhile: run again, it is now "seen".
      if ((e as { code?: string }).code === '23505') return this.#submit(items, opts);
      throw e;
    }
  }

  async #submit(items: BatchItem[], opts: { requestId?: string; at?: Date }): Promise<BatchOutcome[]> {
    const { database, clock } = this.d;
    const outcomes = new Array<BatchOutcome>(items.length);
    const known = await this.repo.knownMoTags(database.db, [...new Set(items.flatMap((i) => i.input.moTags))]);
    const ready: Ready[] = [];
    for (const [index, { viewer, input }] of items.entries()) {
      const errors: FieldError[] = validateMarking(input.marking, 'marking');
      const prepared = prepareReport(input, viewer.country);
      errors.push(...prepared.errors);
      input.moTags.forEach((t, i) => {
        if (!known.has(t))
          errors.push({ field: `moTags.${i}`, message: `"${t}" is not in the modus-operandi taxonomy` });
      });
      if (errors.length > 0) {
        const message = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        outcomes[index] = { ok: false, error: new ValidationError(errors, message) };
      } else ready.push({ index, viewer, input, prepared, linked: [] });
    }
    const at = opts.at ?? clock.now();

    const done = await database.transaction(async (tx) => {
      // Idempotency: a sourceRef the agency already stored answers with that report; the same
      // sourceRef twice in the batch, with the first.
      const refs = ready.filter((r) => r.input.sourceRef);
      const seen = new Map<string, string>();
      if (refs.length > 0) {
        const rows = await tx
          .selectFrom('reports')
          .select(['id', 'owner_agency_id', 'source_ref'])
          .where('source_ref', '=', sql<string>`any(${sql.val(refs.map((r) => r.input.sourceRef as string))}::text[])`)
          .execute();
        for (const r of rows) seen.set(`${r.owner_agency_id}|${r.source_ref}`, r.id);
      }
      const fresh: Ready[] = [];
      const firstOf = new Map<string, Ready>();
      for (const r of ready) {
        const ref = r.input.sourceRef ? `${r.viewer.agencyId}|${r.input.sourceRef}` : null;
        const old = ref ? seen.get(ref) : undefined;
        if (old) {
          outcomes[r.index] = { ok: true, reportId: old, created: false, entities: 0, hits: 0 };
          continue;
        }
        if (ref && firstOf.has(ref)) continue; // answered below with the first one's report
        if (ref) firstOf.set(ref, r);
        // Relationships to existing entities: each must be visible to the submitter.
        if (r.prepared.existingIds.length > 0) {
          r.linked = await this.repo.visibleEntities(tx, reader(r.viewer), r.prepared.existingIds);
          const missing = r.prepared.existingIds.filter((id) => !r.linked.some((e) => e.id === id));
          if (missing.length > 0) {
            const rel = r.prepared.relationships.find(
              (x) =>
                ('entityId' in x.from && missing.includes(x.from.entityId)) ||
                ('entityId' in x.to && missing.includes(x.to.entityId)),
            );
            outcomes[r.index] = {
              ok: false,
              error: new NotFoundError(`entity ${missing[0]} (${rel?.field ?? 'relationships'})`),
            };
            continue;
          }
        }
        fresh.push(r);
      }
      if (fresh.length === 0) return { fresh, hitCount: 0 };

      // The per-report path takes one advisory lock per selector key; a batch holds tens of
      // thousands of keys, more than the server's lock table. Instead every submission first
      // takes a gate lock, shared, and a batch takes it exclusively: a batch waits for the
      // submissions in flight, and those that come after wait for its commit (at most one
      // batch). A table lock would do the same but also stop autovacuum's ANALYZE.
      const keys = [...new Set(fresh.flatMap((r) => r.prepared.entities.flatMap((e) => (e.key ? [e.key] : []))))];
      await sql`select pg_advisory_xact_lock(${BULK_GATE})`.execute(tx);
      // What was stored before the batch with these keys (before the batch's own rows exist).
      const before =
        keys.length === 0
          ? []
          : await tx
              .selectFrom('entities')
              .selectAll()
              .where('key', '=', sql<string>`any(${sql.val(keys)}::text[])`)
              .orderBy('created_at')
              .execute();

      // Rows, with ids made here, so nothing needs to be read back.
      for (const r of fresh) {
        const m = toColumns(r.input.marking);
        r.report = {
          id: randomUUID(),
          owner_agency_id: r.viewer.agencyId,
          created_by_user: r.viewer.userId,
          created_by_token: r.viewer.tokenId,
          title: r.input.title.trim(),
          summary: r.input.summary,
          ...m,
          disclosed_to: [],
          mo_tags: r.input.moTags,
          source_ref: r.input.sourceRef ?? null,
          created_at: at,
        };
        const report = r.report;
        r.entities = r.prepared.entities.map((e) => ({
          id: randomUUID(),
          report_id: report.id,
          owner_agency_id: report.owner_agency_id,
          kind: e.kind,
          label: e.label,
          selector_kind: e.selectorKind,
          key: e.key,
          name_keys: e.nameKeys,
          blocking_keys: e.blockingKeys,
          country: e.country,
          lat: e.lat,
          lon: e.lon,
          attrs: e.attrs,
          created_at: at,
        }));
      }
      const reports = fresh.map((r) => r.report as ReportRow);
      await insertChunked(reports, (chunk) =>
        tx
          .insertInto('reports')
          .values(chunk.map(({ disclosed_to: _, ...row }) => row))
          .execute(),
      );
      const entities = fresh.flatMap((r) => r.entities as EntityRow[]);
      await insertEntityRows(tx, entities);
      const relationships = fresh.flatMap((r) => {
        const idOf = new Map(r.prepared.entities.map((e, i) => [e.ref, r.entities?.[i]?.id as string]));
        const resolve = (end: { ref: string } | { entityId: string }) =>
          'ref' in end ? (idOf.get(end.ref) as string) : end.entityId;
        return r.prepared.relationships.map((x) => ({
          report_id: r.report?.id as string,
          source_id: resolve(x.from),
          target_id: resolve(x.to),
          type: x.type,
          created_at: at,
        }));
      });
      await insertChunked(relationships, (chunk) => tx.insertInto('relationships').values(chunk).execute());

      // Matching, in submission order: each report meets what was stored before the batch and
      // the reports of the batch before it, never its own agency's records.
      const position = new Map(fresh.map((r, i) => [r.report?.id as string, i]));
      const byKey = new Map<string, EntityRow[]>();
      for (const b of before) byKey.set(b.key as string, [...(byKey.get(b.key as string) ?? []), b]);
      const found: FoundHit[] = [];
      for (const [i, r] of fresh.entries()) {
        const mine: FoundHit[] = [];
        for (const a of r.entities as EntityRow[]) {
          if (a.key === null) continue;
          for (const b of byKey.get(a.key) ?? [])
            if (b.owner_agency_id !== a.owner_agency_id) mine.push(selectorHit(a, b));
        }
        const others = (r.entities as EntityRow[]).filter((e) => e.kind === 'scam-centre' || e.kind === 'person');
        if (others.length > 0) {
          const later = (b: EntityRow) => (position.get(b.report_id) ?? -1) >= i;
          mine.push(...(await findFuzzyMatches(tx, others, r.viewer.agencyId, this.d.centreMatchKm, later)));
        }
        found.push(...bestPerAgency(mine));
        // Later reports of the batch meet this one's selectors.
        for (const a of r.entities as EntityRow[]) {
          if (a.key !== null) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
        }
      }
      const stored = await this.hits.insert(tx, found, at);

      // Alerts: two per hit, then the watchlists; one insert each, in the per-report order.
      const reportOf = new Map<string, ReportRow>(reports.map((r) => [r.id, r]));
      const outside = [...new Set(found.map((f) => f.b.report_id).filter((id) => !reportOf.has(id)))];
      if (outside.length > 0) {
        const rows = await tx
          .selectFrom('reports')
          .selectAll()
          .where('id', '=', sql<string>`any(${sql.val(outside)}::uuid[])`)
          .execute();
        for (const r of rows) reportOf.set(r.id, r);
      }
      const touched = new Map<string, string[]>();
      for (const r of fresh) {
        touched.set(
          r.report?.id as string,
          r.linked.filter((e) => e.kind === 'scam-centre').map((e) => e.id),
        );
      }
      const foundOf = new Map(found.map((f) => [`${f.a.id}|${f.b.id}`, f]));
      const hitsOf = new Map<string, typeof stored>();
      for (const h of stored) {
        const f = foundOf.get(`${h.a_entity_id}|${h.b_entity_id}`);
        if (!f) continue;
        hitsOf.set(f.a.report_id, [...(hitsOf.get(f.a.report_id) ?? []), h]);
        if (h.kind === 'scam-centre') touched.get(f.a.report_id)?.push(h.b_entity_id);
      }
      const watches = await loadWatches(
        tx,
        fresh.map((r) => ({
          report: r.report as ReportRow,
          entities: r.entities as EntityRow[],
          touchedCentreIds: touched.get(r.report?.id as string) ?? [],
        })),
      );
      const infos = await agencyInfos(tx, [
        ...fresh.map((r) => r.viewer.agencyId),
        ...found.map((f) => f.b.owner_agency_id),
        ...watches.map((w) => w.agency_id),
      ]);
      const alerts: NewAlert[] = [];
      for (const r of fresh) {
        const report = r.report as ReportRow;
        for (const h of hitsOf.get(report.id) ?? []) {
          const f = foundOf.get(`${h.a_entity_id}|${h.b_entity_id}`) as FoundHit;
          const bReport = reportOf.get(f.b.report_id);
          const aAgency = infos.get(h.a_agency_id);
          const bAgency = infos.get(h.b_agency_id);
          if (!bReport || !aAgency || !bAgency) continue;
          alerts.push(...alertsForHit(h, { a: f.a, b: f.b, aReport: report, bReport, aAgency, bAgency }, at));
        }
        alerts.push(
          ...watchAlertsOf(report, r.entities as EntityRow[], touched.get(report.id) ?? [], watches, infos, at),
        );
      }
      await publishAlerts(tx, this.alerts, alerts);
      await warningListChanged(
        tx,
        fresh.map((r) => r.report as ReportRow),
        at,
      );
      await reportsChanged(
        tx,
        fresh.filter((r) => r.entities?.some((e) => e.key)).map((r) => r.report?.id as string),
        at,
      );

      // One audit entry per submitting agency in the batch, naming each report it stored.
      const byViewer = new Map<string, Ready[]>();
      for (const r of fresh) {
        const k = `${r.viewer.agencyId}|${r.viewer.userId}|${r.viewer.tokenId}`;
        byViewer.set(k, [...(byViewer.get(k) ?? []), r]);
      }
      await this.d.audit.many(
        tx,
        [...byViewer.values()].map((group) => {
          const first = group[0] as Ready;
          return {
            ctx: { viewer: first.viewer, requestId: opts.requestId ?? null },
            entry: {
              action: 'intel.report.batch-submitted',
              objectType: 'report',
              objectId: first.report?.id ?? null,
              details: {
                reports: group.map((r) => r.report?.id),
                entities: group.reduce((n, r) => n + (r.entities?.length ?? 0), 0),
                hits: group.reduce((n, r) => n + (hitsOf.get(r.report?.id as string)?.length ?? 0), 0),
              },
            },
          };
        }),
      );
      for (const r of fresh) {
        outcomes[r.index] = {
          ok: true,
          reportId: r.report?.id as string,
          created: true,
          entities: r.entities?.length ?? 0,
          hits: hitsOf.get(r.report?.id as string)?.length ?? 0,
        };
      }
      return { fresh, hitCount: stored.length };
    });
    // A repeated sourceRef within the batch answers with the first one's report.
    for (const [index, { viewer, input }] of items.entries()) {
      if (outcomes[index] || !input.sourceRef) continue;
      const first = done.fresh.find(
        (r) => r.viewer.agencyId === viewer.agencyId && r.input.sourceRef === input.sourceRef,
      );
      if (first?.report)
        outcomes[index] = { ok: true, reportId: first.report.id, created: false, entities: 0, hits: 0 };
    }
    this.d.events.notify();
    await this.d.index?.changed(done.fresh.map((r) => r.report?.id as string));
    return outcomes;
  }
}
