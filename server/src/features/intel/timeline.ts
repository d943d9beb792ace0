import type { Hit, TimelineEvent } from '@cordon/contracts';
import type { DisclosureRow, RelationshipRow } from './entity-context.repository.ts';
import { type EntityRow, gradeOf, markingOf, type ReportRow } from './reports.repository.ts';

const ORDER: Record<TimelineEvent['type'], number> = { report: 0, relationship: 1, hit: 2, disclosure: 3 };

export interface TimelineInput {
  /** The entity and the other visible records of the same selector. */
  subject: Set<string>;
  /** Every report the viewer may read that mentions the subject or declares a relationship on it. */
  reports: Map<string, ReportRow>;
  /** Reports that mention the subject (the others only declare a relationship on it). */
  mentioning: Set<string>;
  relationships: RelationshipRow[];
  /** The other ends of the relationships that the viewer may read. */
  others: Map<string, EntityRow>;
  /** The viewer's hits on the subject, as the viewer may see them. */
  hits: Hit[];
  disclosures: DisclosureRow[];
  viewerAgencyId: string;
}

/**
 * Everything dated that touched an entity, oldest first: each event names the agency and the
 * marking of the report concerned, or only its grade where the viewer may not read it.
 */
export function buildTimeline(i: TimelineInput): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const ofReport = (r: ReportRow) => ({
    agencyId: r.owner_agency_id,
    marking: markingOf(r),
    grade: gradeOf(r),
    reportId: r.id,
    reportTitle: r.title,
  });
  for (const id of i.mentioning) {
    const r = i.reports.get(id);
    if (r) out.push({ at: r.created_at.toISOString(), type: 'report', ...ofReport(r) });
  }
  for (const l of i.relationships) {
    const r = i.reports.get(l.report_id);
    if (!r) continue;
    const out_ = i.subject.has(l.source_id);
    const otherId = out_ ? l.target_id : l.source_id;
    const other = i.others.get(otherId);
    out.push({
      at: l.created_at.toISOString(),
      type: 'relationship',
      ...ofReport(r),
      relationship: {
        type: l.type as NonNullable<TimelineEvent['relationship']>['type'],
        direction: out_ ? 'out' : 'in',
        other: other ? { id: other.id, kind: other.kind as 'person', label: other.label } : null,
      },
    });
  }
  const hitById = new Map(i.hits.map((h) => [h.id, h]));
  for (const h of i.hits) {
    const readable = h.other.visible && h.other.reportId ? i.reports.get(h.other.reportId) : undefined;
    out.push({
      at: h.createdAt,
      type: 'hit',
      agencyId: h.other.agencyId,
      marking: readable ? markingOf(readable) : null,
      grade: h.other.grade,
      reportId: h.other.visible ? (h.other.reportId ?? null) : null,
      reportTitle: readable?.title ?? null,
      hit: { id: h.id, kind: h.kind, status: h.status, visible: h.other.visible },
    });
  }
  for (const d of i.disclosures) {
    const h = hitById.get(d.hit_id);
    if (!h) continue;
    const outgoing = d.requester_agency_id === i.viewerAgencyId;
    const report = i.reports.get(d.report_id);
    // The report asked for: the viewer's own (incoming), or the other side's (outgoing).
    const base = {
      agencyId: outgoing ? d.holder_agency_id : d.requester_agency_id,
      marking: report ? markingOf(report) : null,
      grade: outgoing ? h.other.grade : report ? gradeOf(report) : h.other.grade,
      reportId: report ? report.id : null,
      reportTitle: report?.title ?? null,
    };
    out.push({
      at: d.created_at.toISOString(),
      type: 'disclosure',
      ...base,
      disclosure: { id: d.id, hitId: d.hit_id, step: 'requested', outgoing },
    });
    if (d.decided_at && (d.status === 'approved' || d.status === 'declined'))
      out.push({
        at: d.decided_at.toISOString(),
        type: 'disclosure',
        ...base,
        disclosure: { id: d.id, hitId: d.hit_id, step: d.status, outgoing },
      });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || ORDER[a.type] - ORDER[b.type]);
}
