import { type Hit, type HitReason, hitReason } from '@cordon/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { agencyInfos } from './agencies-lookup.ts';
import type { HitRow } from './hits.repository.ts';
import { type AgencyInfo, agencySees } from './matching.ts';
import { gradeOf, type ReportRow } from './reports.repository.ts';

/**
 * A hit as one agency sees it: its own entity, and of the other side only what the other
 * report's markings let it read. Where it may not read it, the hit says that a record exists,
 * who holds it and its grade (hit / no-hit), and nothing else.
 */
export async function viewHits(db: Executor, viewer: AgencyInfo, hits: HitRow[]): Promise<Hit[]> {
  if (hits.length === 0) return [];
  const entityIds = [...new Set(hits.flatMap((h) => [h.a_entity_id, h.b_entity_id]))];
  const entities = new Map(
    (await db.selectFrom('entities').select(['id', 'report_id', 'label']).where('id', 'in', entityIds).execute()).map(
      (e) => [e.id, e],
    ),
  );
  const reportIds = [...new Set([...entities.values()].map((e) => e.report_id))];
  const reports = new Map<string, ReportRow>(
    (await db.selectFrom('reports').selectAll().where('id', 'in', reportIds).execute()).map((r) => [r.id, r]),
  );
  const agencies = await agencyInfos(
    db,
    hits.flatMap((h) => [h.a_agency_id, h.b_agency_id]),
  );
  const disclosures = new Map(
    (
      await db
        .selectFrom('disclosure_requests')
        .select(['hit_id', 'status', 'created_at'])
        .where(
          'hit_id',
          'in',
          hits.map((h) => h.id),
        )
        .where('requester_agency_id', '=', viewer.id)
        .orderBy('created_at')
        .execute()
    ).map((d) => [d.hit_id, d.status]),
  );
  const out: Hit[] = [];
  for (const h of hits) {
    const mineIsA = h.a_agency_id === viewer.id;
    if (!mineIsA && h.b_agency_id !== viewer.id) continue;
    const mine = entities.get(mineIsA ? h.a_entity_id : h.b_entity_id);
    const other = entities.get(mineIsA ? h.b_entity_id : h.a_entity_id);
    const otherAgency = agencies.get(mineIsA ? h.b_agency_id : h.a_agency_id);
    const otherReport = other ? reports.get(other.report_id) : undefined;
    if (!mine || !other || !otherAgency || !otherReport) continue;
    const visible = agencySees(viewer, otherReport);
    out.push({
      id: h.id,
      kind: h.kind as Hit['kind'],
      matchKey: h.kind === 'selector' || visible ? h.match_key : `${h.kind} match`,
      score: h.score,
      status: h.status as Hit['status'],
      mine: { entityId: mine.id, reportId: mine.report_id, label: mine.label },
      other: {
        agencyId: otherAgency.id,
        agencyName: otherAgency.name,
        country: otherAgency.country,
        grade: gradeOf(otherReport),
        visible,
        ...(visible ? { entityId: other.id, reportId: other.report_id, label: other.label } : {}),
      },
      ...(visible || h.kind === 'selector'
        ? { reasons: h.reasons, reasonCodes: (h.reason_codes ?? []) as HitReason[] }
        : hiddenReason(h)),
      decision:
        h.decided_by && h.decided_at
          ? { by: h.decided_by, at: h.decided_at.toISOString(), note: h.decision_note }
          : null,
      disclosure: (disclosures.get(h.id) as Hit['disclosure'] | undefined) ?? null,
      createdAt: h.created_at.toISOString(),
    });
  }
  return out;
}

/** What a hit says of a record the viewer may not read: only its kind and score. */
function hiddenReason(h: HitRow): Pick<Hit, 'reasons' | 'reasonCodes'> {
  const r = hitReason({ code: 'hidden-match', params: { kind: h.kind, score: h.score } });
  return { reasons: [r.text], reasonCodes: [r] };
}
