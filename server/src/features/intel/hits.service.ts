import type { Hit } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { agencyInfos } from './agencies-lookup.ts';
import { AlertsRepository } from './alerts.repository.ts';
import { intelChanged } from './graph-cache.ts';
import { viewHits } from './hit-view.ts';
import { HitsRepository } from './hits.repository.ts';
import { type AgencyInfo, agencySees } from './matching.ts';
import { type IntelDeps, publishAlerts } from './reports.service.ts';
import { reportsChanged } from './selector-index.ts';

export interface Disclosure {
  id: string;
  hitId: string;
  reportId: string;
  requesterAgencyId: string;
  holderAgencyId: string;
  reason: string;
  status: 'pending' | 'approved' | 'declined';
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** Hits: the inbox of matches, analysts' decisions on fuzzy ones, and disclosure between holders. */
export class HitsService {
  readonly hits = new HitsRepository();
  readonly alerts = new AlertsRepository();
  constructor(private readonly d: IntelDeps) {}

  private async me(viewer: Viewer): Promise<AgencyInfo> {
    const me = (await agencyInfos(this.d.database.db, [viewer.agencyId])).get(viewer.agencyId);
    if (!me) throw new NotFoundError('agency');
    return me;
  }

  async list(viewer: Viewer, o: { limit: number; offset: number; status?: string; entityId?: string }): Promise<Hit[]> {
    const rows = await this.hits.forAgency(this.d.database.db, viewer.agencyId, o);
    return viewHits(this.d.database.db, await this.me(viewer), rows);
  }

  async get(viewer: Viewer, id: string): Promise<Hit> {
    const row = await this.hits.get(this.d.database.db, id);
    const [hit] = row ? await viewHits(this.d.database.db, await this.me(viewer), [row]) : [];
    if (!hit) throw new NotFoundError('hit');
    return hit;
  }

  /** An analyst of either side confirms or rejects a fuzzy hit; the decision is kept and audited. */
  async decide(
    viewer: Viewer,
    id: string,
    decision: 'confirm' | 'reject',
    note: string | null,
    requestId?: string,
  ): Promise<Hit> {
    const current = await this.get(viewer, id);
    if (!viewer.userId) throw new ForbiddenError('Hits are decided by a person.');
    if (current.kind === 'selector')
      throw new ValidationError([{ field: 'decision', message: 'an identical selector needs no decision' }]);
    await this.d.database.transaction(async (tx) => {
      await this.hits.decide(tx, id, {
        status: decision === 'confirm' ? 'confirmed' : 'rejected',
        by: viewer.userId as string,
        at: this.d.clock.now(),
        note,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: `intel.hit.${decision}ed`, objectType: 'hit', objectId: id, details: { note } },
      );
    });
    intelChanged({ hit: id });
    return this.get(viewer, id);
  }

  /** Asks the holder to disclose the record behind a hit the viewer may not read. */
  async requestDisclosure(viewer: Viewer, hitId: string, reason: string, requestId?: string): Promise<Disclosure> {
    const hit = await this.get(viewer, hitId);
    if (hit.other.visible) throw new ConflictError('You can already read this record.');
    const row = await this.hits.get(this.d.database.db, hitId);
    if (!row) throw new NotFoundError('hit');
    const otherEntityId = row.a_agency_id === viewer.agencyId ? row.b_entity_id : row.a_entity_id;
    const entity = await this.d.database.db
      .selectFrom('entities')
      .select(['report_id'])
      .where('id', '=', otherEntityId)
      .executeTakeFirstOrThrow();
    const at = this.d.clock.now();
    // Read before the transaction: on PGlite the transaction holds the only connection.
    const me = await this.me(viewer);
    const created = await this.d.database.transaction(async (tx) => {
      const pending = await tx
        .selectFrom('disclosure_requests')
        .select('id')
        .where('report_id', '=', entity.report_id)
        .where('requester_agency_id', '=', viewer.agencyId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw new ConflictError('A disclosure request for this record is already pending.');
      const d = await tx
        .insertInto('disclosure_requests')
        .values({
          hit_id: hitId,
          report_id: entity.report_id,
          requester_agency_id: viewer.agencyId,
          requested_by: viewer.userId,
          holder_agency_id: hit.other.agencyId,
          reason,
          decided_by: null,
          decided_at: null,
          decision_note: null,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await publishAlerts(tx, this.alerts, [
        {
          agencyId: hit.other.agencyId,
          kind: 'disclosure',
          title: `Disclosure requested by ${me.name}: "${reason.slice(0, 120)}"`,
          message: { key: 'disclosure.requested', params: { agency: me.name, reason: reason.slice(0, 120) } },
          refType: 'disclosure',
          refId: d.id,
          data: { hitId, reportId: entity.report_id, requesterAgencyId: viewer.agencyId },
          at,
        },
      ]);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'intel.disclosure.requested',
          objectType: 'report',
          objectId: entity.report_id,
          details: { hitId, disclosureId: d.id },
        },
      );
      return d;
    });
    this.d.events.notify();
    return toDisclosure(created);
  }

  async disclosures(viewer: Viewer, direction: 'incoming' | 'outgoing'): Promise<Disclosure[]> {
    const col = direction === 'incoming' ? 'holder_agency_id' : 'requester_agency_id';
    const rows = await this.d.database.db
      .selectFrom('disclosure_requests')
      .selectAll()
      .where(col, '=', viewer.agencyId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(toDisclosure);
  }

  /** The holder approves (the requester may then read the report) or declines, with a note. */
  async decideDisclosure(
    viewer: Viewer,
    id: string,
    approve: boolean,
    note: string | null,
    requestId?: string,
  ): Promise<Disclosure> {
    const at = this.d.clock.now();
    const out = await this.d.database.transaction(async (tx) => {
      const d = await tx.selectFrom('disclosure_requests').selectAll().where('id', '=', id).executeTakeFirst();
      if (!d || d.holder_agency_id !== viewer.agencyId) throw new NotFoundError('disclosure request');
      if (d.status !== 'pending') throw new ConflictError(`This request was already ${d.status}.`);
      const updated = await tx
        .updateTable('disclosure_requests')
        .set({
          status: approve ? 'approved' : 'declined',
          decided_by: viewer.userId,
          decided_at: at,
          decision_note: note,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (approve) {
        await tx
          .updateTable('reports')
          .set({ disclosed_to: sql`array_append(disclosed_to, ${d.requester_agency_id}::uuid)` })
          .where('id', '=', d.report_id)
          .where(sql<boolean>`not (${d.requester_agency_id}::uuid = any(disclosed_to))`)
          .execute();
        await reportsChanged(tx, [d.report_id], at);
      }
      const holder = (await agencyInfos(tx, [viewer.agencyId])).get(viewer.agencyId);
      const report = await tx.selectFrom('reports').selectAll().where('id', '=', d.report_id).executeTakeFirstOrThrow();
      const requester = (await agencyInfos(tx, [d.requester_agency_id])).get(d.requester_agency_id);
      const nowVisible = requester ? agencySees(requester, report) : false;
      await publishAlerts(tx, this.alerts, [
        {
          agencyId: d.requester_agency_id,
          kind: 'disclosure',
          title: approve
            ? `${holder?.name ?? 'The holder'} disclosed "${report.title}" to you`
            : `${holder?.name ?? 'The holder'} declined to disclose the record${note ? `: ${note}` : ''}`,
          message: approve
            ? { key: 'disclosure.approved', params: { agency: holder?.name ?? '', report: report.title } }
            : note
              ? { key: 'disclosure.declinedWithNote', params: { agency: holder?.name ?? '', note } }
              : { key: 'disclosure.declined', params: { agency: holder?.name ?? '' } },
          refType: approve && nowVisible ? 'report' : 'disclosure',
          refId: approve && nowVisible ? report.id : d.id,
          data: { disclosureId: d.id, hitId: d.hit_id, approved: approve },
          at,
        },
      ]);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: approve ? 'intel.disclosure.approved' : 'intel.disclosure.declined',
          objectType: 'report',
          objectId: d.report_id,
          details: { disclosureId: d.id, requesterAgencyId: d.requester_agency_id, note },
        },
      );
      return updated;
    });
    if (approve) intelChanged({ reports: [out.report_id] });
    this.d.events.notify();
    if (approve) await this.d.index?.changed([out.report_id]);
    return toDisclosure(out);
  }
}

function toDisclosure(d: {
  id: string;
  hit_id: string;
  report_id: string;
  requester_agency_id: string;
  holder_agency_id: string;
  reason: string;
  status: string;
  decision_note: string | null;
  created_at: Date;
  decided_at: Date | null;
}): Disclosure {
  return {
    id: d.id,
    hitId: d.hit_id,
    reportId: d.report_id,
    requesterAgencyId: d.requester_agency_id,
    holderAgencyId: d.holder_agency_id,
    reason: d.reason,
    status: d.status as Disclosure['status'],
    decisionNote: d.decision_note,
    createdAt: d.created_at.toISOString(),
    decidedAt: d.decided_at ? d.decided_at.toISOString() : null,
  };
}
