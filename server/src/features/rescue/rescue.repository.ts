import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { RescueCasesTable } from './rescue.tables.ts';

export type CaseRow = Omit<RescueCasesTable, 'id' | 'stage_seq' | 'open'> & {
  id: string;
  stage_seq: number;
  open: boolean;
};

export interface PersonInsert {
  case_id: string;
  row_key: string;
  nationality: string;
  minor: boolean;
  key_id: string;
  name_enc: string;
  aliases_enc: string | null;
  dob_enc: string | null;
  age_enc: string | null;
  gender_enc: string | null;
  languages_enc: string | null;
  contacts_enc: string | null;
  description_enc: string | null;
  created_at: Date;
}

/** The only place with rescue SQL. */
export class RescueRepository {
  async nextRef(tx: Tx, year: number): Promise<string> {
    const r = await sql<{ n: number }>`select nextval('rescue_case_ref_seq')::int as n`.execute(tx);
    return `RC-${year}-${String(r.rows[0]?.n ?? 0).padStart(6, '0')}`;
  }

  insertCase(tx: Tx, row: Omit<CaseRow, 'id' | 'stage_seq' | 'open'>) {
    return tx
      .insertInto('rescue_cases')
      .values({ ...row, risk_factors: JSON.stringify(row.risk_factors), step_data: JSON.stringify(row.step_data) })
      .returning(['id', 'stage_seq'])
      .executeTakeFirstOrThrow();
  }

  async caseById(db: Executor, id: string, lock = false): Promise<CaseRow | undefined> {
    let q = db.selectFrom('rescue_cases').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) as CaseRow | undefined;
  }

  updateCase(tx: Tx, id: string, patch: Partial<CaseRow>) {
    const values: Record<string, unknown> = { ...patch };
    if (patch.step_data !== undefined) values.step_data = JSON.stringify(patch.step_data);
    if (patch.risk_factors !== undefined) values.risk_factors = JSON.stringify(patch.risk_factors);
    return tx.updateTable('rescue_cases').set(values).where('id', '=', id).execute();
  }

  /** Cases for the board: the viewer's team's, or every case for the hub. Counts only, no names. */
  async board(db: Executor, o: { agencyId: string; all: boolean; open?: boolean; caseIds?: string[] }) {
    let q = db
      .selectFrom('rescue_cases as c')
      .selectAll('c')
      .select((eb) => [
        eb
          .selectFrom('rescue_persons as p')
          .whereRef('p.case_id', '=', 'c.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('persons'),
        sql<
          string[]
        >`coalesce((select array_agg(distinct p.nationality order by p.nationality) from rescue_persons p where p.case_id = c.id), '{}')`.as(
          'nationalities',
        ),
        eb
          .exists(
            eb
              .selectFrom('rescue_escalations as e')
              .whereRef('e.case_id', '=', 'c.id')
              .whereRef('e.stage_seq', '=', 'c.stage_seq')
              .select('e.id'),
          )
          .as('breached'),
        eb
          .exists(
            eb
              .selectFrom('rescue_team as t')
              .whereRef('t.case_id', '=', 'c.id')
              .where('t.agency_id', '=', o.agencyId)
              .select('t.agency_id'),
          )
          .as('on_team'),
      ]);
    if (!o.all)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('rescue_team as t')
            .whereRef('t.case_id', '=', 'c.id')
            .where('t.agency_id', '=', o.agencyId)
            .select('t.agency_id'),
        ),
      );
    if (o.open !== undefined) q = q.where('c.open', '=', o.open);
    if (o.caseIds) q = q.where('c.id', 'in', o.caseIds.length ? o.caseIds : ['00000000-0000-4000-8000-000000000000']);
    return q
      .orderBy('c.deadline_at', (ob) => ob.asc().nullsLast())
      .orderBy('c.created_at', 'desc')
      .limit(500)
      .execute();
  }

  team(db: Executor, caseId: string) {
    return db
      .selectFrom('rescue_team as t')
      .innerJoin('agencies as a', 'a.id', 't.agency_id')
      .select(['t.agency_id', 't.party', 't.added_at', 'a.name', 'a.country', 'a.kind'])
      .where('t.case_id', '=', caseId)
      .orderBy('t.added_at')
      .orderBy('a.name')
      .execute();
  }

  async addTeam(tx: Tx, caseId: string, members: Array<{ agencyId: string; party: string }>, at: Date) {
    if (members.length === 0) return [];
    return tx
      .insertInto('rescue_team')
      .values(members.map((m) => ({ case_id: caseId, agency_id: m.agencyId, party: m.party, added_at: at })))
      .onConflict((oc) => oc.doNothing())
      .returning(['agency_id', 'party'])
      .execute();
  }

  agency(db: Executor, id: string) {
    return db.selectFrom('agencies').select(['id', 'name', 'kind', 'country']).where('id', '=', id).executeTakeFirst();
  }

  agenciesOf(db: Executor, kinds: string[], countries: string[]) {
    if (countries.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('agencies')
      .select(['id', 'kind', 'country'])
      .where('kind', 'in', kinds)
      .where('country', 'in', countries)
      .execute();
  }

  hubAgencies(db: Executor) {
    return db.selectFrom('agencies').select('id').where('kind', '=', 'hub').execute();
  }

  user(db: Executor, id: string) {
    return db
      .selectFrom('users')
      .select(['id', 'agency_id', 'roles', 'disabled'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insertPersons(tx: Tx, rows: PersonInsert[]) {
    const out: Array<{ id: string; row_key: string }> = [];
    for (let i = 0; i < rows.length; i += 500) {
      const part = await tx
        .insertInto('rescue_persons')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['case_id', 'row_key']).doNothing())
        .returning(['id', 'row_key'])
        .execute();
      for (const r of part) out.push(r);
    }
    return out;
  }

  async existingRowKeys(db: Executor, caseId: string, keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const part = keys.slice(i, i + 5000);
      if (part.length === 0) continue;
      const rows = await db
        .selectFrom('rescue_persons')
        .select('row_key')
        .where('case_id', '=', caseId)
        .where('row_key', 'in', part)
        .execute();
      for (const r of rows) found.add(r.row_key);
    }
    return found;
  }

  async insertKeys(tx: Tx, rows: Array<{ key: string; person_id: string }>) {
    for (let i = 0; i < rows.length; i += 2000) {
      await tx
        .insertInto('rescue_person_keys')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  /** Persons of other open cases holding one of these blind keys: (key, person) pairs, ids only. */
  async candidateKeys(db: Executor, keys: string[], exceptCaseId: string) {
    const out: Array<{ key: string; person_id: string }> = [];
    for (let i = 0; i < keys.length; i += 5000) {
      const part = keys.slice(i, i + 5000);
      if (part.length === 0) continue;
      const rows = await db
        .selectFrom('rescue_person_keys as k')
        .innerJoin('rescue_persons as p', 'p.id', 'k.person_id')
        .innerJoin('rescue_cases as c', 'c.id', 'p.case_id')
        .select(['k.key', 'k.person_id'])
        .where('k.key', 'in', part)
        .where('c.open', '=', true)
        .where('p.case_id', '<>', exceptCaseId)
        .execute();
      for (const r of rows) out.push(r);
    }
    return out;
  }

  /** The candidates themselves, once each: what matching needs, still encrypted. */
  async candidatePersons(db: Executor, ids: string[]) {
    const out: Array<{
      person_id: string;
      case_id: string;
      ref: string;
      lead_agency_id: string;
      nationality: string;
      name_enc: string;
      aliases_enc: string | null;
      dob_enc: string | null;
      gender_enc: string | null;
    }> = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const part = ids.slice(i, i + 5000);
      if (part.length === 0) continue;
      const rows = await db
        .selectFrom('rescue_persons as p')
        .innerJoin('rescue_cases as c', 'c.id', 'p.case_id')
        .select([
          'p.id as person_id',
          'p.case_id',
          'c.ref',
          'c.lead_agency_id',
          'p.nationality',
          'p.name_enc',
          'p.aliases_enc',
          'p.dob_enc',
          'p.gender_enc',
        ])
        .where('p.id', 'in', part)
        .execute();
      for (const r of rows) out.push(r);
    }
    return out;
  }

  async insertMatches(
    tx: Tx,
    rows: Array<{ person_id: string; matched_person_id: string; score: number; verdict: string; created_at: Date }>,
  ) {
    for (let i = 0; i < rows.length; i += 2000)
      await tx
        .insertInto('rescue_matches')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  persons(db: Executor, caseId: string, nationality?: string) {
    let q = db.selectFrom('rescue_persons').selectAll().where('case_id', '=', caseId);
    if (nationality) q = q.where('nationality', '=', nationality);
    return q.orderBy('created_at').orderBy('id').execute();
  }

  personById(db: Executor, id: string) {
    return db.selectFrom('rescue_persons').selectAll().where('id', '=', id).executeTakeFirst();
  }

  screenings(db: Executor, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('rescue_screenings').selectAll().where('person_id', 'in', personIds).execute();
  }

  /** Matches of these persons in either direction, with the other case's reference and holder. */
  async matches(db: Executor, personIds: string[]) {
    if (personIds.length === 0) return [];
    const side = (mine: 'm.person_id' | 'm.matched_person_id', other: 'm.person_id' | 'm.matched_person_id') =>
      db
        .selectFrom('rescue_matches as m')
        .innerJoin('rescue_persons as op', 'op.id', other)
        .innerJoin('rescue_cases as oc', 'oc.id', 'op.case_id')
        .select([`${mine} as mine`, 'm.score', 'm.verdict', 'oc.id as case_id', 'oc.ref', 'oc.lead_agency_id'])
        .where(mine, 'in', personIds)
        .execute();
    return [
      ...(await side('m.person_id', 'm.matched_person_id')),
      ...(await side('m.matched_person_id', 'm.person_id')),
    ];
  }

  upsertScreening(
    tx: Tx,
    row: {
      person_id: string;
      case_id: string;
      indicators: string[];
      determination: string;
      non_punishment: boolean;
      reasons: string[];
      notes_enc: string | null;
      screened_at: Date;
      screened_by_agency: string;
      screened_by_user: string | null;
    },
  ) {
    return tx
      .insertInto('rescue_screenings')
      .values(row)
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet({
          indicators: row.indicators,
          determination: row.determination,
          non_punishment: row.non_punishment,
          reasons: row.reasons,
          notes_enc: row.notes_enc,
          screened_at: row.screened_at,
          screened_by_agency: row.screened_by_agency,
          screened_by_user: row.screened_by_user,
        }),
      )
      .execute();
  }

  async screeningCounts(db: Executor, caseId: string) {
    const r = await db
      .selectFrom('rescue_persons as p')
      .leftJoin('rescue_screenings as s', 's.person_id', 'p.id')
      .select((eb) => [
        eb.fn.countAll<number>().as('persons'),
        eb.fn.count<number>('s.person_id').as('screened'),
        sql<number>`count(*) filter (where s.non_punishment)::int`.as('non_punishment'),
      ])
      .where('p.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return { persons: Number(r.persons), screened: Number(r.screened), nonPunishment: Number(r.non_punishment) };
  }

  addTimeline(
    tx: Tx,
    e: {
      case_id: string;
      at: Date;
      kind: string;
      summary: string;
      actor_agency_id: string | null;
      actor_user_id: string | null;
      from_stage?: string | null;
      to_stage?: string | null;
      data?: Record<string, unknown>;
      note_enc?: string | null;
    },
  ) {
    return tx
      .insertInto('rescue_timeline')
      .values({
        ...e,
        from_stage: e.from_stage ?? null,
        to_stage: e.to_stage ?? null,
        note_enc: e.note_enc ?? null,
        data: JSON.stringify(e.data ?? {}),
      })
      .execute();
  }

  timeline(db: Executor, caseId: string) {
    return db
      .selectFrom('rescue_timeline')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  }

  insertEscalation(
    tx: Tx,
    e: { case_id: string; stage_seq: number; stage: string; deadline_at: Date; raised_at: Date },
  ) {
    return tx
      .insertInto('rescue_escalations')
      .values(e)
      .onConflict((oc) => oc.columns(['case_id', 'stage_seq']).doNothing())
      .returning('id')
      .executeTakeFirst();
  }

  setPersonStatus(tx: Tx, caseId: string, status: string, from: string[]) {
    return tx
      .updateTable('rescue_persons')
      .set({ status })
      .where('case_id', '=', caseId)
      .where('status', 'in', from)
      .execute();
  }

  /** Counts by nationality and status (never names). */
  dashboard(db: Executor, caseIds: string[], nationality?: string) {
    if (caseIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom('rescue_persons as p')
      .leftJoin('rescue_screenings as s', 's.person_id', 'p.id')
      .select((eb) => [
        'p.nationality',
        'p.status',
        eb.fn.countAll<number>().as('n'),
        sql<number>`count(*) filter (where s.non_punishment)::int`.as('non_punishment'),
        sql<number>`count(*) filter (where exists (select 1 from rescue_matches m where m.person_id = p.id or m.matched_person_id = p.id))::int`.as(
          'matches',
        ),
      ])
      .where('p.case_id', 'in', caseIds)
      .groupBy(['p.nationality', 'p.status']);
    if (nationality) q = q.where('p.nationality', '=', nationality);
    return q.execute();
  }

  batches(db: Executor, caseIds: string[], nationality?: string) {
    if (caseIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom('rescue_batches as b')
      .selectAll('b')
      .select((eb) =>
        eb
          .selectFrom('rescue_persons as p')
          .whereRef('p.batch_id', '=', 'b.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('persons'),
      )
      .where('b.case_id', 'in', caseIds);
    if (nationality) q = q.where('b.nationality', '=', nationality);
    return q.orderBy('b.created_at').execute();
  }

  batchById(db: Executor, id: string, lock = false) {
    let q = db.selectFrom('rescue_batches').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }
}
