import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import { LIVE_STATUSES } from './lifecycle.ts';
import type {
  DeconflictionConflictsTable,
  DeconflictionRegisterTable,
  OperationParticipantsTable,
  OperationResultsTable,
  OperationsTable,
  OperationTargetsTable,
  OperationTasksTable,
} from './operations.tables.ts';

export type OperationRow = Selectable<OperationsTable>;
export type ParticipantRow = Selectable<OperationParticipantsTable>;
export type TargetRow = Selectable<OperationTargetsTable>;
export type ConflictRow = Selectable<DeconflictionConflictsTable>;
export type RegisterRow = Selectable<DeconflictionRegisterTable>;
export type TaskRow = Selectable<OperationTasksTable>;
export type ResultRow = Selectable<OperationResultsTable>;
/** One side of a conflict: a target, or else a register entry. */
export interface ConflictSide {
  targetId: string | null;
  registerId: string | null;
}

/** Operations and their parts: the only place with their SQL. */
export class OperationsRepository {
  visible(db: Executor, reader: Reader, id: string): Promise<OperationRow | undefined> {
    return db
      .selectFrom('operations as o')
      .selectAll('o')
      .where('o.id', '=', id)
      .where(visibleTo(reader, 'o'))
      .executeTakeFirst();
  }

  list(db: Executor, reader: Reader, o: { status?: string }) {
    let q = db
      .selectFrom('operations as o')
      .innerJoin('agencies as a', 'a.id', 'o.owner_agency_id')
      .leftJoin('operation_participants as me', (j) =>
        j.onRef('me.operation_id', '=', 'o.id').on('me.agency_id', '=', reader.agencyId),
      )
      .where(visibleTo(reader, 'o'))
      .select([
        'o.id',
        'o.code_name',
        'o.owner_agency_id',
        'a.name as lead_name',
        'o.period_start',
        'o.period_end',
        'o.status',
        'o.tlp',
        'me.status as my_status',
      ])
      .select((eb) => [
        eb
          .selectFrom('operation_participants as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.operation_id', '=', 'o.id')
          .where('p.status', 'in', ['lead', 'accepted'])
          .as('participants'),
        eb
          .selectFrom('operation_targets as t')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('t.operation_id', '=', 'o.id')
          .as('targets'),
        eb
          .selectFrom('deconfliction_conflicts as c')
          .select(eb.fn.countAll<number>().as('n'))
          .where('c.status', '<>', 'resolved')
          .where((w) =>
            w.or([
              w.and([w('c.a_operation_id', '=', w.ref('o.id')), w('c.a_agency_id', '=', reader.agencyId)]),
              w.and([w('c.b_operation_id', '=', w.ref('o.id')), w('c.b_agency_id', '=', reader.agencyId)]),
            ]),
          )
          .as('open_conflicts'),
      ])
      .orderBy('o.period_start', 'desc')
      .orderBy('o.code_name');
    if (o.status) q = q.where('o.status', '=', o.status);
    return q.execute();
  }

  participants(db: Executor, operationId: string) {
    return db
      .selectFrom('operation_participants as p')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.agency_id', 'p.status', 'p.contact_point', 'p.responded_at', 'a.name', 'a.country'])
      .where('p.operation_id', '=', operationId)
      .orderBy('a.name')
      .execute();
  }

  participant(db: Executor, operationId: string, agencyId: string) {
    return db
      .selectFrom('operation_participants')
      .selectAll()
      .where('operation_id', '=', operationId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
  }

  async activeParticipantIds(db: Executor, operationId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('operation_participants')
      .select('agency_id')
      .where('operation_id', '=', operationId)
      .where('status', 'in', ['lead', 'accepted'])
      .execute();
    return rows.map((r) => r.agency_id);
  }

  targets(db: Executor, operationId: string) {
    return db
      .selectFrom('operation_targets as t')
      .selectAll('t')
      .select((eb) =>
        eb
          .selectFrom('deconfliction_conflicts as c')
          .select(eb.fn.countAll<number>().as('n'))
          .where((w) => w.or([w('c.a_target_id', '=', w.ref('t.id')), w('c.b_target_id', '=', w.ref('t.id'))]))
          .as('conflicts'),
      )
      .where('t.operation_id', '=', operationId)
      .orderBy('t.created_at')
      .execute();
  }

  /** Targets of other live operations meeting any of the keys (for deconfliction). */
  liveTargetsMeeting(db: Executor, keys: string[], exceptOperationId: string | null) {
    let q = db
      .selectFrom('operation_targets as t')
      .innerJoin('operations as o', 'o.id', 't.operation_id')
      .leftJoin('operation_participants as p', (j) =>
        j.onRef('p.operation_id', '=', 't.operation_id').onRef('p.agency_id', '=', 't.owner_agency_id'),
      )
      .leftJoin('operation_participants as lead', (j) =>
        j.onRef('lead.operation_id', '=', 't.operation_id').on('lead.status', '=', 'lead'),
      )
      .select([
        't.id',
        't.operation_id',
        't.owner_agency_id',
        't.label',
        't.match_keys',
        'p.contact_point',
        'lead.contact_point as lead_contact',
      ])
      .where('o.status', 'in', LIVE_STATUSES)
      .where(sql<boolean>`t.match_keys && ${sql.val(keys)}::text[]`);
    if (exceptOperationId) q = q.where('t.operation_id', '<>', exceptOperationId);
    return q.execute();
  }

  registerMeeting(db: Executor, keys: string[]) {
    return db
      .selectFrom('deconfliction_register')
      .selectAll()
      .where('active', '=', true)
      .where(sql<boolean>`match_keys && ${sql.val(keys)}::text[]`)
      .execute();
  }

  conflictsOf(db: Executor, agencyId: string, o: { operationId?: string; status?: string } = {}) {
    let q = db
      .selectFrom('deconfliction_conflicts as c')
      .selectAll('c')
      .where((w) => w.or([w('c.a_agency_id', '=', agencyId), w('c.b_agency_id', '=', agencyId)]));
    if (o.operationId) {
      const op = o.operationId;
      q = q.where((w) =>
        w.or([
          w.and([w('c.a_agency_id', '=', agencyId), w('c.a_operation_id', '=', op)]),
          w.and([w('c.b_agency_id', '=', agencyId), w('c.b_operation_id', '=', op)]),
        ]),
      );
    }
    if (o.status) q = q.where('c.status', '=', o.status);
    return q.orderBy('c.created_at', 'desc').execute();
  }

  conflict(db: Executor, id: string) {
    return db.selectFrom('deconfliction_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Entity ids intelligence matched with this one (hits not rejected). */
  /** Whether these two sides (each a target or a register entry) already have a conflict, either way round. */
  async conflictBetween(db: Executor, x: ConflictSide, y: ConflictSide): Promise<boolean> {
    const col = (side: 'a' | 'b', s: ConflictSide) =>
      s.targetId
        ? sql<boolean>`${sql.ref(`${side}_target_id`)} = ${s.targetId}`
        : sql<boolean>`${sql.ref(`${side}_register_id`)} = ${s.registerId}`;
    const row = await db
      .selectFrom('deconfliction_conflicts')
      .select('id')
      .where(sql<boolean>`(${col('a', x)} and ${col('b', y)}) or (${col('a', y)} and ${col('b', x)})`)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The intelligence entities a hit links (null when the hit is gone or was rejected). */
  async linkedEntities(db: Executor, hitId: string) {
    const hit = await db
      .selectFrom('hits')
      .select(['a_entity_id', 'b_entity_id'])
      .where('id', '=', hitId)
      .where('status', '<>', 'rejected')
      .executeTakeFirst();
    if (!hit) return null;
    return db
      .selectFrom('entities')
      .select(['id', 'key'])
      .where('id', 'in', [hit.a_entity_id, hit.b_entity_id])
      .execute();
  }

  async setTargetKeys(db: Executor, id: string, keys: string[]) {
    await db.updateTable('operation_targets').set({ match_keys: keys }).where('id', '=', id).execute();
  }

  async setRegisterKeys(db: Executor, id: string, keys: string[]) {
    await db.updateTable('deconfliction_register').set({ match_keys: keys }).where('id', '=', id).execute();
  }

  async hitPartners(db: Executor, entityId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('hits')
      .select(['a_entity_id', 'b_entity_id'])
      .where('status', '<>', 'rejected')
      .where((w) => w.or([w('a_entity_id', '=', entityId), w('b_entity_id', '=', entityId)]))
      .execute();
    return rows.map((r) => (r.a_entity_id === entityId ? r.b_entity_id : r.a_entity_id));
  }

  tasks(db: Executor, operationId: string) {
    return db
      .selectFrom('operation_tasks')
      .selectAll()
      .where('operation_id', '=', operationId)
      .orderBy('due_at')
      .execute();
  }

  messages(db: Executor, operationId: string, limit: number) {
    return db
      .selectFrom('operation_messages as m')
      .innerJoin('agencies as a', 'a.id', 'm.agency_id')
      .select(['m.id', 'm.operation_id', 'm.agency_id', 'a.name as agency_name', 'm.body', 'm.created_at'])
      .where('m.operation_id', '=', operationId)
      .orderBy('m.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  results(db: Executor, operationId: string) {
    return db
      .selectFrom('operation_results')
      .selectAll()
      .where('operation_id', '=', operationId)
      .orderBy('reported_on')
      .orderBy('created_at')
      .execute();
  }

  /** Sums in SQL: counts by country and by day, nationalities, and money per currency (numeric). */
  async aggregate(db: Executor, operationId: string) {
    const figures = sql`coalesce(sum(arrests), 0)::int as arrests, coalesce(sum(victims_rescued), 0)::int as victims_rescued,
      coalesce(sum(centres_raided), 0)::int as centres_raided, coalesce(sum(devices_seized), 0)::int as devices_seized,
      coalesce(sum(accounts_blocked), 0)::int as accounts_blocked`;
    type F = {
      arrests: number;
      victims_rescued: number;
      centres_raided: number;
      devices_seized: number;
      accounts_blocked: number;
    };
    const totals = await sql<F & { countries: number }>`select ${figures}, count(distinct country)::int as countries
      from operation_results where operation_id = ${operationId}`.execute(db);
    const byCountry = await sql<F & { country: string }>`select country, ${figures}
      from operation_results where operation_id = ${operationId} group by country order by country`.execute(db);
    const byDay = await sql<F & { day: string }>`select to_char(reported_on, 'YYYY-MM-DD') as day, ${figures}
      from operation_results where operation_id = ${operationId} group by reported_on order by reported_on`.execute(db);
    const money = await sql<{ country: string | null; currency: string; frozen: string; seized: string }>`
      select country, currency, sum(assets_frozen)::numeric(20, 2)::text as frozen, sum(assets_seized)::numeric(20, 2)::text as seized
      from operation_results where operation_id = ${operationId}
      group by grouping sets ((country, currency), (currency)) order by currency`.execute(db);
    const nationalities = await sql<{ nationality: string; arrests: number }>`
      select n.key as nationality, sum(n.value::int)::int as arrests
      from operation_results r, jsonb_each_text(r.arrest_nationalities) n
      where r.operation_id = ${operationId} group by n.key order by arrests desc, n.key`.execute(db);
    return {
      totals: totals.rows[0],
      byCountry: byCountry.rows,
      byDay: byDay.rows,
      money: money.rows,
      nationalities: nationalities.rows,
    };
  }
}
