import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewAlert } from './alerts.repository.ts';
import type { WatchlistsTable } from './intel.tables.ts';
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
  const watches = await loadWatches(db, [{ report, entities, touchedCentreIds }]);
  if (watches.length === 0) return [];
  const infos = await agencyOf([...watches.map((w) => w.agency_id), report.owner_agency_id]);
  return watchAlertsOf(report, entities, touchedCentreIds, watches, infos, at);
}

type WatchRow = Selectable<WatchlistsTable>;

function conditionsOf(report: ReportRow, entities: EntityRow[], touchedCentreIds: string[]): Array<[string, string[]]> {
  const keys = entities.filter((e) => e.key).map((e) => e.key as string);
  const countries = [...new Set(entities.map((e) => e.country).filter((c): c is string => !!c))];
  return [
    ['selector', keys],
    ['mo', report.mo_tags],
    ['country', countries],
    ['scam-centre', touchedCentreIds],
  ];
}

/** The watchlist entries any of these submissions may touch (one query for a whole batch). */
export async function loadWatches(
  db: Executor,
  subs: Array<{ report: ReportRow; entities: EntityRow[]; touchedCentreIds: string[] }>,
): Promise<WatchRow[]> {
  const values = new Map<string, Set<string>>();
  for (const s of subs) {
    for (const [kind, vs] of conditionsOf(s.report, s.entities, s.touchedCentreIds)) {
      const set = values.get(kind) ?? new Set<string>();
      for (const v of vs) set.add(v);
      values.set(kind, set);
    }
  }
  const active = [...values].filter(([, v]) => v.size > 0);
  if (active.length === 0) return [];
  return db
    .selectFrom('watchlists')
    .selectAll()
    .where((eb) =>
      eb.or(
        active.map(([kind, vs]) =>
          eb.and([eb('kind', '=', kind), eb('value', '=', sql<string>`any(${sql.val([...vs])}::text[])`)]),
        ),
      ),
    )
    .execute();
}

/** The watch alerts of one submission, from watchlist entries loaded beforehand. */
export function watchAlertsOf(
  report: ReportRow,
  entities: EntityRow[],
  touchedCentreIds: string[],
  loaded: WatchRow[],
  infos: Map<string, AgencyInfo>,
  at: Date,
): NewAlert[] {
  const wanted = new Map(conditionsOf(report, entities, touchedCentreIds).map(([k, v]) => [k, new Set(v)]));
  const watches = loaded.filter((w) => w.agency_id !== report.owner_agency_id && wanted.get(w.kind)?.has(w.value));
  if (watches.length === 0) return [];
  const byAgency = new Map<string, typeof watches>();
  for (const w of watches) byAgency.set(w.agency_id, [...(byAgency.get(w.agency_id) ?? []), w]);
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
