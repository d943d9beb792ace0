import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

type Conn = Db | Tx;

/** The only place with SQL for the public portal's tables (and its one read of intel's). */
export class AwarenessRepository {
  /** Every selector key some agency published in a TLP:CLEAR report: the warning list (kept in memory, warning-list.ts). */
  async warningListKeys(db: Conn): Promise<Set<string>> {
    const rows = await db
      .selectFrom('entities')
      .innerJoin('reports', 'reports.id', 'entities.report_id')
      .select('entities.key')
      .distinct()
      .where('reports.tlp', '=', 'CLEAR')
      .where('entities.key', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.key).filter((k): k is string => k !== null));
  }

  /** The agency that triages public reports of a country: its police, else any member there, else the hub. */
  async triageAgency(db: Conn, country: string): Promise<{ id: string; country: string } | null> {
    const row = await db
      .selectFrom('agencies')
      .select(['id', 'country'])
      .where((eb) => eb.or([eb('country', '=', country), eb('kind', '=', 'hub')]))
      .orderBy(
        sql`case when country = ${country} and kind = 'police' then 0 when country = ${country} and kind = 'ncb' then 1 when country = ${country} then 2 else 3 end`,
      )
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  async firstWithContent(db: Conn, hash: string, since: Date) {
    return db
      .selectFrom('public_reports')
      .select(['id'])
      .where('content_hash', '=', hash)
      .where('duplicate_of', 'is', null)
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
  }

  async insertReport(tx: Tx, row: import('kysely').Insertable<import('./awareness.tables.ts').PublicReportsTable>) {
    return tx.insertInto('public_reports').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  }

  async byReference(db: Conn, reference: string) {
    return db.selectFrom('public_reports').selectAll().where('reference', '=', reference).executeTakeFirst();
  }

  async byId(db: Conn, id: string) {
    return db.selectFrom('public_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async addAddition(tx: Tx, reportId: string, textEnc: string, at: Date) {
    await tx
      .insertInto('public_report_additions')
      .values({ report_id: reportId, text_enc: textEnc, created_at: at })
      .execute();
  }

  async countAdditions(db: Conn, reportId: string): Promise<number> {
    const r = await db
      .selectFrom('public_report_additions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** An agency's queue (duplicates folded into their first report). */
  async queue(db: Conn, agencyId: string, filter: { status?: string; kind?: string; limit: number; offset: number }) {
    let q = db
      .selectFrom('public_reports as p')
      .selectAll('p')
      .select((eb) =>
        eb
          .selectFrom('public_reports as d')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('d.duplicate_of', '=', 'p.id')
          .as('duplicates'),
      )
      .where('p.agency_id', '=', agencyId)
      .where('p.duplicate_of', 'is', null);
    if (filter.status) q = q.where('p.status', '=', filter.status);
    if (filter.kind) q = q.where('p.kind', '=', filter.kind);
    return q.orderBy('p.created_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
  }

  async additionsOf(db: Conn, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('public_report_additions')
      .select(['report_id', 'text_enc', 'created_at'])
      .where('report_id', 'in', ids)
      .orderBy('created_at')
      .execute();
  }

  async decide(
    tx: Tx,
    id: string,
    v: {
      status: string;
      by: string | null;
      at: Date;
      note: string | null;
      intelReportId: string | null;
      rescueCaseId: string | null;
    },
  ) {
    return tx
      .updateTable('public_reports')
      .set({
        status: v.status,
        decided_by: v.by,
        decided_at: v.at,
        decision_note: v.note,
        intel_report_id: v.intelReportId,
        rescue_case_id: v.rescueCaseId,
      })
      .where('id', '=', id)
      .where('status', '=', 'new')
      .returning('id')
      .executeTakeFirst();
  }

  // Campaigns

  async insertCampaign(tx: Tx, row: import('kysely').Insertable<import('./awareness.tables.ts').CampaignsTable>) {
    return tx.insertInto('campaigns').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async campaignByCode(db: Conn, code: string) {
    return db.selectFrom('campaigns').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async campaignsOf(db: Conn, agencyId: string) {
    return db
      .selectFrom('campaigns')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('starts_on', 'desc')
      .execute();
  }

  async campaignById(db: Conn, id: string, lock = false) {
    let q = db.selectFrom('campaigns').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async updateCampaign(
    tx: Tx,
    id: string,
    set: import('kysely').Updateable<import('./awareness.tables.ts').CampaignsTable>,
  ) {
    return tx.updateTable('campaigns').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Whether anything was ever counted for the campaign (reach, or reports that came from it). */
  async campaignHasReach(db: Conn, id: string, code: string): Promise<boolean> {
    const reach = await db.selectFrom('campaign_reach').select('day').where('campaign_id', '=', id).limit(1).execute();
    if (reach.length > 0) return true;
    const reports = await db.selectFrom('public_reports').select('id').where('campaign', '=', code).limit(1).execute();
    return reports.length > 0;
  }

  async deleteCampaign(tx: Tx, id: string) {
    await tx.deleteFrom('campaigns').where('id', '=', id).execute();
  }

  async activeCampaigns(db: Conn, day: string) {
    return db
      .selectFrom('campaigns')
      .selectAll()
      .where('starts_on', '<=', day)
      .where('ends_on', '>=', day)
      .where('ended_at', 'is', null)
      .orderBy('starts_on', 'desc')
      .limit(50)
      .execute();
  }

  async bumpReach(db: Conn, campaignId: string, day: string, country: string, kind: string) {
    await db
      .insertInto('campaign_reach')
      .values({ campaign_id: campaignId, day, country, kind, count: 1 })
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'day', 'country', 'kind']).doUpdateSet({ count: sql`campaign_reach.count + 1` }),
      )
      .execute();
  }

  async reach(db: Conn, campaignIds: string[]) {
    if (campaignIds.length === 0) return [];
    return db
      .selectFrom('campaign_reach')
      .selectAll()
      .where('campaign_id', 'in', campaignIds)
      .orderBy('day')
      .orderBy('country')
      .orderBy('kind')
      .execute();
  }

  // Support directory

  async directory(db: Conn, country?: string) {
    let q = db.selectFrom('support_directory').selectAll();
    if (country) q = q.where('country', '=', country);
    return q.orderBy('country').orderBy('kind').orderBy('name').execute();
  }

  async insertDirectoryEntry(
    tx: Tx,
    row: import('kysely').Insertable<import('./awareness.tables.ts').SupportDirectoryTable>,
  ) {
    return tx.insertInto('support_directory').values(row).returning('id').executeTakeFirstOrThrow();
  }

  async directoryEntry(db: Conn, id: string, lock = false) {
    let q = db.selectFrom('support_directory').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async updateDirectoryEntry(
    tx: Tx,
    id: string,
    set: import('kysely').Updateable<import('./awareness.tables.ts').SupportDirectoryTable>,
  ) {
    return tx.updateTable('support_directory').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Deletes an entry (of this agency when `agencyId` is given); true when a row went. */
  async deleteDirectoryEntry(tx: Tx, id: string, agencyId: string | null): Promise<boolean> {
    let q = tx.deleteFrom('support_directory').where('id', '=', id);
    if (agencyId) q = q.where('agency_id', '=', agencyId);
    return (await q.returning('id').execute()).length > 0;
  }

  async insertDirectory(
    tx: Tx,
    rows: import('kysely').Insertable<import('./awareness.tables.ts').SupportDirectoryTable>[],
  ) {
    if (rows.length > 0) await tx.insertInto('support_directory').values(rows).execute();
  }
}
