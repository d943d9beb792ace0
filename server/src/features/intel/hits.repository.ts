import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { HitsTable } from './intel.tables.ts';
import type { FoundHit } from './matching.ts';

export type HitRow = Selectable<HitsTable>;

export class HitsRepository {
  /** Stores new hits; a pair already known is skipped (a resubmission creates no second hit). */
  async insert(db: Executor, hits: FoundHit[], at: Date): Promise<HitRow[]> {
    if (hits.length === 0) return [];
    const out: HitRow[] = [];
    // Chunks keep each statement under the bind-parameter limit (14 per row).
    for (let i = 0; i < hits.length; i += 4000) out.push(...(await this.#insert(db, hits.slice(i, i + 4000), at)));
    return out;
  }

  #insert(db: Executor, hits: FoundHit[], at: Date): Promise<HitRow[]> {
    return db
      .insertInto('hits')
      .values(
        hits.map((h) => ({
          kind: h.kind,
          match_key: h.matchKey,
          a_entity_id: h.a.id,
          a_agency_id: h.a.owner_agency_id,
          b_entity_id: h.b.id,
          b_agency_id: h.b.owner_agency_id,
          score: h.score,
          reasons: h.reasons,
          reason_codes: JSON.stringify(h.reasonCodes),
          status: h.status,
          decided_by: null,
          decided_at: null,
          decision_note: null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['a_entity_id', 'b_entity_id']).doNothing())
      .returningAll()
      .execute();
  }

  async forAgency(
    db: Executor,
    agencyId: string,
    o: { limit: number; offset: number; status?: string; entityId?: string },
  ) {
    let q = db
      .selectFrom('hits')
      .selectAll()
      .where((eb) => eb.or([eb('a_agency_id', '=', agencyId), eb('b_agency_id', '=', agencyId)]));
    if (o.status) q = q.where('status', '=', o.status);
    if (o.entityId)
      q = q.where((eb) =>
        eb.or([eb('a_entity_id', '=', o.entityId as string), eb('b_entity_id', '=', o.entityId as string)]),
      );
    return q.orderBy('created_at', 'desc').orderBy('id').limit(o.limit).offset(o.offset).execute();
  }

  /** Hits on either side of a report's entities (two indexed lookups, not an OR scan). */
  async forReport(db: Executor, reportId: string) {
    const ids = db.selectFrom('entities').select('id').where('report_id', '=', reportId);
    const rows = await db
      .selectFrom('hits')
      .selectAll()
      .where('a_entity_id', 'in', ids)
      .unionAll(db.selectFrom('hits').selectAll().where('b_entity_id', 'in', ids))
      .execute();
    const unique = new Map(rows.map((h) => [h.id, h]));
    return [...unique.values()].sort(
      (x, y) => x.created_at.getTime() - y.created_at.getTime() || x.id.localeCompare(y.id),
    );
  }

  async get(db: Executor, id: string): Promise<HitRow | undefined> {
    return db.selectFrom('hits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async decide(
    db: Executor,
    id: string,
    d: { status: 'confirmed' | 'rejected'; by: string; at: Date; note: string | null },
  ) {
    return db
      .updateTable('hits')
      .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
