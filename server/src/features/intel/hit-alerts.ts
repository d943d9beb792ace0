import type { NewAlert } from './alerts.repository.ts';
import type { HitRow } from './hits.repository.ts';
import { type AgencyInfo, agencySees } from './matching.ts';
import { type EntityRow, gradeOf, type ReportRow } from './reports.repository.ts';

const NOUN: Record<string, string> = { selector: 'identifier', 'scam-centre': 'scam centre', person: 'person' };

/**
 * Two alerts per hit, one for each agency, each saying only what that agency may know: the
 * other side's label and report when it may read them, else that a record exists, who holds
 * it and its grade.
 */
export function alertsForHit(
  hit: HitRow,
  sides: {
    a: EntityRow;
    b: EntityRow;
    aReport: ReportRow;
    bReport: ReportRow;
    aAgency: AgencyInfo;
    bAgency: AgencyInfo;
  },
  at: Date,
): NewAlert[] {
  const one = (
    me: EntityRow,
    other: EntityRow,
    otherReport: ReportRow,
    viewer: AgencyInfo,
    otherAgency: AgencyInfo,
  ): NewAlert => {
    const visible = agencySees(viewer, otherReport);
    const grade = gradeOf(otherReport);
    const what = hit.kind === 'selector' ? me.label : `${NOUN[hit.kind]} "${me.label}"`;
    const title = visible
      ? `Hit: ${what} also appears in "${otherReport.title}" (${otherAgency.name}, ${grade})`
      : `Hit: ${what} matches a record held by ${otherAgency.name} (grade ${grade})`;
    const params = { kind: hit.kind, label: me.label, agency: otherAgency.name, grade };
    return {
      agencyId: viewer.id,
      kind: 'hit',
      title,
      message: visible
        ? { key: 'hit.visible', params: { ...params, report: otherReport.title } }
        : { key: 'hit.hidden', params },
      refType: 'hit',
      refId: hit.id,
      data: {
        hitKind: hit.kind,
        score: hit.score,
        myEntityId: me.id,
        otherAgencyId: otherAgency.id,
        otherAgencyName: otherAgency.name,
        grade,
        visible,
        ...(visible ? { otherEntityId: other.id, otherReportId: otherReport.id } : {}),
      },
      at,
    };
  };
  return [
    one(sides.a, sides.b, sides.bReport, sides.aAgency, sides.bAgency),
    one(sides.b, sides.a, sides.aReport, sides.bAgency, sides.aAgency),
  ];
}
