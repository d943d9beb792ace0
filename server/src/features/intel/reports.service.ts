import type { NewReport, Report, ReportSummary } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { emitMany } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { type FieldError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { agencyInfos } from './agencies-lookup.ts';
import { AlertsRepository, type NewAlert } from './alerts.repository.ts';
import { type BatchItem, type BatchOutcome, BULK_GATE, BulkSubmitter } from './bulk-submit.ts';
import { intelChanged } from './graph-cache.ts';
import { alertsForHit } from './hit-alerts.ts';
import { viewHits } from './hit-view.ts';
import { HitsRepository } from './hits.repository.ts';
import { findMatches } from './matching.ts';
import { prepareReport } from './prepare.ts';
import { markingOf, type ReportRow, ReportsRepository, toEntity } from './reports.repository.ts';
import { reportsChanged, type SelectorIndex } from './selector-index.ts';
import { warningListChanged } from './warning-list-events.ts';
import { watchAlerts } from './watch-match.ts';

export interface IntelDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
  /** Scam centres of two agencies within this distance (same country) are a hit. */
  centreMatchKm: number;
  /** This node's selector index (the lookup answers from it); writers tell it what they changed. */
  index?: SelectorIndex;
}

export const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });

/** Publishes alerts: stored in the inbox and sent live, each to its own agency. */
export async function publishAlerts(tx: Tx, repo: AlertsRepository, alerts: NewAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  const stored = await repo.insert(tx, alerts);
  await emitMany(
    tx,
    alerts.map((a, i) => ({
      topic: `intel.${a.kind}.alert`,
      data: {
        alertId: stored[i]?.id,
        title: a.title,
        message: a.message,
        refType: a.refType,
        refId: a.refId,
        ...a.data,
      },
      audience: { kind: 'agencies', agencyIds: [a.agencyId] },
      occurredAt: a.at,
    })),
  );
}

/**
 * Records a read of intelligence in the audit trail. Reads of an agency's own records are not
 * logged here (its writes already are); reads of what other agencies shared always are. Resolves
 * once the record is committed (callers answer only after it); it joins the hash chain in a batch
 * shortly after (platform/audit/pending.ts), so reads do not queue behind the chain lock.
 */
export async function auditRead(
  d: Pick<IntelDeps, 'database' | 'audit'>,
  viewer: Viewer,
  entry: { action: string; objectType: string; objectId: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await d.audit.read(d.database, { viewer }, entry);
}

/** Intelligence reports: submit (validate, normalise, store, cross-match, alert), read, list. */
export class ReportsService {
  readonly repo = new ReportsRepository();
  readonly hits = new HitsRepository();
  readonly alerts = new AlertsRepository();
  readonly #bulk: BulkSubmitter;
  constructor(private readonly d: IntelDeps) {
    this.#bulk = new BulkSubmitter(d, this.repo, this.hits, this.alerts);
  }

  /**
   * Many reports in one transaction (bulk import, benchmarks): the outcome of submitting them
   * one after another in this order, one outcome per item (invalid items are refused alone).
   */
  async submitBatch(items: BatchItem[], opts: { requestId?: string; at?: Date } = {}): Promise<BatchOutcome[]> {
    const out = await this.#bulk.submit(items, opts);
    intelChanged({ reports: out.flatMap((o) => (o.ok && o.created ? [o.reportId] : [])) });
    return out;
  }

  async submit(viewer: Viewer, input: NewReport, opts: { requestId?: string; at?: Date } = {}): Promise<Report> {
    const { database, clock } = this.d;
    const errors: FieldError[] = validateMarking(input.marking, 'marking');
    const prepared = prepareReport(input, viewer.country);
    errors.push(...prepared.errors);
    const known = await this.repo.knownMoTags(database.db, input.moTags);
    input.moTags.forEach((t, i) => {
      if (!known.has(t)) errors.push({ field: `moTags.${i}`, message: `"${t}" is not in the modus-operandi taxonomy` });
    });
    if (errors.length > 0) throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    if (input.sourceRef) {
      const seen = await this.repo.bySourceRef(database.db, viewer.agencyId, input.sourceRef);
      if (seen) return this.get(viewer, seen.id);
    }
    // `at` is for loading history (demo world, imports of dated records); the API never sets it.
    const at = opts.at ?? clock.now();
    const reportId = await this.store(viewer, input, prepared, at, opts.requestId).catch(async (e: unknown) => {
      // The same sourceRef submitted twice at once: the second loses the unique race; answer with the first.
      const code = (e as { code?: string; constraint?: string }).code;
      if (code === '23505' && input.sourceRef) {
        const seen = await this.repo.bySourceRef(database.db, viewer.agencyId, input.sourceRef);
        if (seen) return seen.id;
      }
      throw e;
    });
    intelChanged({ reports: [reportId] });
    this.d.events.notify();
    await this.d.index?.changed([reportId]);
    return this.get(viewer, reportId);
  }

  private store(
    viewer: Viewer,
    input: NewReport,
    prepared: ReturnType<typeof prepareReport>,
    at: Date,
    requestId?: string,
  ) {
    return this.d.database.transaction(async (tx) => {
      const linked = await this.repo.visibleEntities(tx, reader(viewer), prepared.existingIds);
      const missing = prepared.existingIds.filter((id) => !linked.some((e) => e.id === id));
      if (missing.length > 0) {
        const rel = prepared.relationships.find(
          (r) =>
            ('entityId' in r.from && missing.includes(r.from.entityId)) ||
            ('entityId' in r.to && missing.includes(r.to.entityId)),
        );
        throw new NotFoundError(`entity ${missing[0]} (${rel?.field ?? 'relationships'})`);
      }
      // Two agencies submitting the same selector at once must see each other: each takes the
      // selector's lock before storing and matching (sorted, so no deadlock).
      // A bulk batch holds the gate exclusively (bulk-submit.ts): wait for it, let others pass.
      await sql`select pg_advisory_xact_lock_shared(${BULK_GATE})`.execute(tx);
      const keys = [...new Set(prepared.entities.flatMap((e) => (e.key ? [e.key] : [])))].sort();
      for (const k of keys) await sql`select pg_advisory_xact_lock(7300, hashtext(${k}))`.execute(tx);
      const report = await this.repo.insertReport(tx, {
        ownerAgencyId: viewer.agencyId,
        userId: viewer.userId,
        tokenId: viewer.tokenId,
        title: input.title.trim(),
        summary: input.summary,
        marking: input.marking,
        moTags: input.moTags,
        sourceRef: input.sourceRef ?? null,
        at,
      });
      const stored = await this.repo.insertEntities(tx, report, prepared.entities);
      const idOf = new Map(prepared.entities.map((e, i) => [e.ref, stored[i]?.id as string]));
      const resolve = (end: { ref: string } | { entityId: string }) =>
        'ref' in end ? (idOf.get(end.ref) as string) : end.entityId;
      await this.repo.insertRelationships(
        tx,
        report,
        prepared.relationships.map((r) => ({ from: resolve(r.from), to: resolve(r.to), type: r.type })),
      );
      const hits = await this.matchAndAlert(tx, report, stored, at);
      const touched = [
        ...linked.filter((e) => e.kind === 'scam-centre').map((e) => e.id),
        ...hits.filter((h) => h.kind === 'scam-centre').map((h) => h.b_entity_id),
      ];
      const watch = await watchAlerts(tx, report, stored, touched, (ids) => agencyInfos(tx, ids), at);
      await publishAlerts(tx, this.alerts, watch);
      await warningListChanged(tx, [report], at);
      if (keys.length > 0) await reportsChanged(tx, [report.id], at);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'intel.report.submitted',
          objectType: 'report',
          objectId: report.id,
          details: { entities: stored.length, hits: hits.length, tlp: report.tlp },
        },
      );
      return report.id;
    });
  }

  private async matchAndAlert(tx: Tx, report: ReportRow, stored: Parameters<typeof findMatches>[1], at: Date) {
    const found = await findMatches(tx, stored, report.owner_agency_id, this.d.centreMatchKm);
    const hits = await this.hits.insert(tx, found, at);
    if (hits.length === 0) return hits;
    const bReports = new Map(
      (
        await tx
          .selectFrom('reports')
          .selectAll()
          .where('id', 'in', [...new Set(found.map((f) => f.b.report_id))])
          .execute()
      ).map((r) => [r.id, r]),
    );
    const infos = await agencyInfos(tx, [report.owner_agency_id, ...found.map((f) => f.b.owner_agency_id)]);
    const alerts: NewAlert[] = [];
    for (const h of hits) {
      const f = found.find((x) => x.a.id === h.a_entity_id && x.b.id === h.b_entity_id);
      const bReport = f ? bReports.get(f.b.report_id) : undefined;
      const aAgency = infos.get(h.a_agency_id);
      const bAgency = infos.get(h.b_agency_id);
      if (!f || !bReport || !aAgency || !bAgency) continue;
      alerts.push(...alertsForHit(h, { a: f.a, b: f.b, aReport: report, bReport, aAgency, bAgency }, at));
    }
    await publishAlerts(tx, this.alerts, alerts);
    return hits;
  }

  async get(viewer: Viewer, id: string): Promise<Report> {
    const db = this.d.database.db;
    const r = await this.repo.visibleReport(db, reader(viewer), id);
    if (!r) throw new NotFoundError('report');
    if (r.owner_agency_id !== viewer.agencyId) {
      await auditRead(this.d, viewer, {
        action: 'intel.report.read',
        objectType: 'report',
        objectId: r.id,
        details: { owner: r.owner_agency_id, tlp: r.tlp },
      });
    }
    const [entities, relationships, hitRows, infos] = [
      await this.repo.entitiesOf(db, r.id),
      await this.repo.relationshipsOf(db, r.id),
      await this.hits.forReport(db, r.id),
      await agencyInfos(db, [viewer.agencyId]),
    ];
    const me = infos.get(viewer.agencyId);
    const hits = me ? await viewHits(db, me, hitRows) : [];
    const count = (k: string) => entities.filter((e) => e.kind === k).length;
    return {
      id: r.id,
      ownerAgencyId: r.owner_agency_id,
      title: r.title,
      summary: r.summary,
      marking: markingOf(r),
      moTags: r.mo_tags,
      createdAt: r.created_at.toISOString(),
      counts: {
        persons: count('person'),
        organisations: count('organisation'),
        scamCentres: count('scam-centre'),
        selectors: count('selector'),
      },
      entities: entities.map(toEntity),
      relationships,
      hits,
    };
  }

  list(viewer: Viewer, o: { limit: number; offset: number; mine?: boolean; moTag?: string }): Promise<ReportSummary[]> {
    return this.repo.list(this.d.database.db, reader(viewer), o);
  }
}
