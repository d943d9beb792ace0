import type { Executor } from '../../platform/db/database.ts';
import type { NewAlert } from './alerts.repository.ts';
import { type AgencyInfo, agencySees } from './matching.ts';
import { type EntityRow, gradeOf, type ReportRow } from './reports.repository.ts';

/**
 * Watchlists of other agencies that a new report touches: a watched selector key, MO tag,
 * country, or scam centre (by entity id: linked by a relationship or matched by a hit). One
 * alert per watching agency, saying what matched; the report itself only when it may read it.
 */
export async function watchAlerts(
  db: Executor,
  report: ReportRow,
  entities: EntityRow[],
  touchedCentreIds: string[],
  agencyOf: (ids: string[]) => Promise<Map<string, AgencyInfo>>,
  at: Date,
): Promise<NewAlert[]> {
  const keys = entities.filter((e) => e.key).map((e) => e.key as string);
  const countries = [...new Set(entities.map((e) => e.country).filter((c): c is string => !!c))];
  const conditions: Array<[string, string[]]> = [
    ['selector', keys],
    ['mo', report.mo_tags],
    ['country', countries],
    ['scam-centre', touchedCentreIds],
  ];
  const active = conditions.filter(([, v]) => v.length > 0);
  if (active.length === 0) return [];
  const watches = await db
    .selectFrom('watchlists')
    .selectAll()
    .where('agency_id', '<>', report.owner_agency_id)
    .where((eb) => eb.or(active.map(([kind, values]) => eb.and([eb('kind', '=', kind), eb('value', 'in', values)]))))
    .execute();
  if (watches.length === 0) return [];
  const byAgency = new Map<string, typeof watches>();
  for (const w of watches) byAgency.set(w.agency_id, [...(byAgency.get(w.agency_id) ?? []), w]);
  const infos = await agencyOf([...byAgency.keys(), report.owner_agency_id]);
  const holder = infos.get(report.owner_agency_id);
  const alerts: NewAlert[] = [];
  for (const [agencyId, list] of byAgency) {
    const viewer = infos.get(agencyId);
    if (!viewer || !holder) continue;
    const visible = agencySees(viewer, report);
    const items = list.map((w) => w.label);
    alerts.push({
      agencyId,
      kind: 'watch',
      title: visible
        ? `Watchlist: "${report.title}" (${holder.name}) touches ${items.join(', ')}`
        : `Watchlist: a new record held by ${holder.name} (grade ${gradeOf(report)}) touches ${items.join(', ')}`,
      message: visible
        ? { key: 'watch.visible', params: { report: report.title, agency: holder.name, items: items.join(', ') } }
        : { key: 'watch.hidden', params: { agency: holder.name, grade: gradeOf(report), items: items.join(', ') } },
      refType: visible ? 'report' : 'watchlist',
      refId: visible ? report.id : (list[0]?.id as string),
      data: {
        watchIds: list.map((w) => w.id),
        holderAgencyId: holder.id,
        grade: gradeOf(report),
        visible,
        ...(visible ? { reportId: report.id } : {}),
      },
      at,
    });
  }
  return alerts;
}
