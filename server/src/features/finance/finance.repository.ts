import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { MarkingColumns } from '../../platform/markings/columns.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import type { CanonicalAccount } from './accounts.ts';
import type { FinAccountsTable, FinAccountTagsTable, FinFreezesTable, FinTransactionsTable } from './finance.tables.ts';
import type { Transfer } from './tracing.ts';

export type AccountRow = Selectable<FinAccountsTable>;
export type TxRow = Selectable<FinTransactionsTable>;
export type FreezeRow = Selectable<FinFreezesTable>;
export type TagRow = Selectable<FinAccountTagsTable>;

/** What a batch of transactions shares: the importing agency, user, marking, source and time. */
export interface TxBatchColumns extends MarkingColumns {
  owner_agency_id: string;
  created_by_user: string | null;
  source: string;
  created_at: Date;
}

/** One transaction of a batch. */
export interface NewTxRow {
  source_key: string;
  from_account_id: string | null;
  to_account_id: string;
  amount: string;
  currency: string;
  occurred_at: Date;
  victim_ref: string | null;
  victim_country: string | null;
  case_ref: string | null;
  tx_hash: string | null;
}

/** Rows per statement: one array parameter per column, unnested on the server. */
const CHUNK = 20_000;

/** Accounts, transactions, rates: the only place with their SQL. */
export class FinanceRepository {
  /**
   * Inserts the accounts not yet known (by key) and returns key → id for all of them: one
   * statement per 20,000 accounts (unnest; on conflict do nothing), the same on both drivers.
   */
  async upsertAccounts(db: Executor, accounts: CanonicalAccount[], at: Date): Promise<Map<string, string>> {
    const unique = [...new Map(accounts.map((a) => [a.key, a])).values()];
    const ids = new Map<string, string>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const c = unique.slice(i, i + CHUNK);
      const col = <T>(f: (a: CanonicalAccount) => T) => sql.val(c.map(f));
      const keys = c.map((a) => a.key);
      // The outer select sees the table as it was before the insert: existing rows, then new ones.
      const rows = await sql<{ id: string; key: string }>`with ins as (
          insert into fin_accounts (key, type, display, country, chain, bank, provider, created_at)
          select u.key, u.type, u.display, u.country, u.chain, u.bank, u.provider, ${at.toISOString()}::timestamptz
          from unnest(${sql.val(keys)}::text[], ${col((a) => a.type)}::text[], ${col((a) => a.display)}::text[],
            ${col((a) => a.country)}::text[], ${col((a) => a.chain)}::text[], ${col((a) => a.bank)}::text[],
            ${col((a) => a.provider)}::text[]) as u(key, type, display, country, chain, bank, provider)
          on conflict (key) do nothing
          returning id, key)
        select id, key from ins
        union all
        select id, key from fin_accounts where key = any(${sql.val(keys)}::text[])`.execute(db);
      for (const r of rows.rows) ids.set(r.key, r.id);
      // Inserted meanwhile by another transaction (neither inserted nor seen): read them now.
      const missing = keys.filter((k) => !ids.has(k));
      if (missing.length > 0) {
        const late = await sql<{ id: string; key: string }>`select id, key from fin_accounts
          where key = any(${sql.val(missing)}::text[])`.execute(db);
        for (const r of late.rows) ids.set(r.key, r.id);
      }
    }
    return ids;
  }

  /**
   * Inserts the rows not stored yet (owner + source key: re-importing changes nothing) and
   * returns the ids of new and existing rows by key. One statement per 20,000 rows (unnest, on
   * conflict do nothing), the same on both drivers.
   */
  async insertTransactions(
    db: Executor,
    batch: TxBatchColumns,
    rows: NewTxRow[],
  ): Promise<{ created: Set<string>; ids: Map<string, string> }> {
    const created = new Set<string>();
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const c = rows.slice(i, i + CHUNK);
      const col = <T>(f: (r: NewTxRow) => T) => sql.val(c.map(f));
      const keys = c.map((r) => r.source_key);
      const res = await sql<{ id: string; source_key: string; created: boolean }>`with ins as (
          insert into fin_transactions (owner_agency_id, created_by_user, tlp, pap, reliability, credibility,
            audience_kind, audience_regions, audience_agencies, source, source_key, from_account_id,
            to_account_id, amount, currency, occurred_at, victim_ref, victim_country, case_ref, tx_hash, created_at)
          select ${batch.owner_agency_id}::uuid, ${batch.created_by_user}::uuid, ${batch.tlp}, ${batch.pap},
            ${batch.reliability}, ${batch.credibility}, ${batch.audience_kind}, ${sql.val(batch.audience_regions)}::text[],
            ${sql.val(batch.audience_agencies)}::uuid[], ${batch.source}, u.source_key, u.from_account_id,
            u.to_account_id, u.amount, u.currency, u.occurred_at, u.victim_ref, u.victim_country, u.case_ref,
            u.tx_hash, ${batch.created_at.toISOString()}::timestamptz
          from unnest(${sql.val(keys)}::text[], ${col((r) => r.from_account_id)}::uuid[],
            ${col((r) => r.to_account_id)}::uuid[], ${col((r) => r.amount)}::numeric[], ${col((r) => r.currency)}::text[],
            ${col((r) => r.occurred_at.toISOString())}::timestamptz[], ${col((r) => r.victim_ref)}::text[],
            ${col((r) => r.victim_country)}::text[], ${col((r) => r.case_ref)}::text[], ${col((r) => r.tx_hash)}::text[])
            as u(source_key, from_account_id, to_account_id, amount, currency, occurred_at, victim_ref,
                 victim_country, case_ref, tx_hash)
          on conflict (owner_agency_id, source_key) do nothing
          returning id, source_key)
        select id, source_key, true as created from ins
        union all
        select id, source_key, false as created from fin_transactions
        where owner_agency_id = ${batch.owner_agency_id}::uuid and source_key = any(${sql.val(keys)}::text[])`.execute(
        db,
      );
      for (const r of res.rows) {
        ids.set(r.source_key, r.id);
        if (r.created) created.add(r.source_key);
      }
      // Stored meanwhile by another transaction of the same agency: read their ids now.
      const missing = keys.filter((k) => !ids.has(k));
      if (missing.length > 0) {
        const late = await sql<{ id: string; source_key: string }>`select id, source_key from fin_transactions
          where owner_agency_id = ${batch.owner_agency_id}::uuid and source_key = any(${sql.val(missing)}::text[])`.execute(
          db,
        );
        for (const r of late.rows) ids.set(r.source_key, r.id);
      }
    }
    return { created, ids };
  }

  async account(db: Executor, id: string): Promise<AccountRow | undefined> {
    return db.selectFrom('fin_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async accountsByIds(db: Executor, ids: readonly string[]): Promise<AccountRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('fin_accounts')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  }

  /** The tags on the accounts the reader may see: its agency's own, and others' under their marking. */
  async tagsOf(db: Executor, reader: Reader, ids: readonly string[]): Promise<TagRow[]> {
    if (ids.length === 0) return [];
    // The tagging agency is the owner of the tag for the one visibility rule.
    const rows = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('fin_account_tags')
          .selectAll()
          .select(sql<string>`agency_id`.as('owner_agency_id'))
          .where('account_id', 'in', [...ids])
          .as('g'),
      )
      .selectAll('g')
      .where(visibleTo(reader, 'g'))
      .orderBy('g.created_at')
      .execute();
    return rows.map(({ owner_agency_id: _o, ...r }) => r);
  }

  async addTag(db: Executor, row: Insertable<FinAccountTagsTable>) {
    const { account_id: _a, agency_id: _g, tag: _t, created_at: _c, ...update } = row;
    await db
      .insertInto('fin_account_tags')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'agency_id', 'tag']).doUpdateSet(update))
      .execute();
  }

  async removeTag(db: Executor, accountId: string, agencyId: string, tag: string): Promise<boolean> {
    const r = await db
      .deleteFrom('fin_account_tags')
      .where('account_id', '=', accountId)
      .where('agency_id', '=', agencyId)
      .where('tag', '=', tag)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Accounts the reader has seen: in a transaction it may read, or tagged by its agency. */
  async listAccounts(db: Executor, reader: Reader, o: { q?: string; limit: number; offset: number }) {
    const visibleTx = db
      .selectFrom('fin_transactions as t')
      .select(sql<string>`unnest(array[t.from_account_id, t.to_account_id])`.as('account_id'))
      .where(visibleTo(reader, 't'));
    let q = db
      .selectFrom('fin_accounts as a')
      .selectAll('a')
      .where((eb) =>
        eb.or([
          eb('a.id', 'in', visibleTx),
          eb(
            'a.id',
            'in',
            eb.selectFrom('fin_account_tags').select('account_id').where('agency_id', '=', reader.agencyId),
          ),
        ]),
      );
    if (o.q) {
      const like = `%${o.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('a.key', 'ilike', like), eb('a.display', 'ilike', like)]));
    }
    return q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(o.limit).offset(o.offset).execute();
  }

  async transactionsByIds(db: Executor, reader: Reader, ids: readonly string[]): Promise<TxRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('fin_transactions as t')
      .selectAll('t')
      .where('t.id', 'in', [...ids])
      .where(visibleTo(reader, 't'))
      .execute();
  }

  /** Visible transfers in a currency out of (or into) the accounts, at or after (before) a time. */
  async neighbours(
    db: Executor,
    reader: Reader,
    o: { accountIds: string[]; currency: string; direction: 'out' | 'in' },
  ): Promise<TxRow[]> {
    if (o.accountIds.length === 0) return [];
    const col = o.direction === 'out' ? 't.from_account_id' : 't.to_account_id';
    return db
      .selectFrom('fin_transactions as t')
      .selectAll('t')
      .where(col, 'in', o.accountIds)
      .where('t.currency', '=', o.currency)
      .where(visibleTo(reader, 't'))
      .orderBy('t.occurred_at')
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(200_000)
      .execute();
  }

  /**
   * One hop of a forward walk, bounded in SQL: for each account of the frontier, its visible
   * transfers in the currency at or after the time funds can first be there; per receiving
   * account, the earliest such transfer. Reads index ranges (from_account_id, occurred_at) and
   * returns one row per receiver, not the senders' whole histories.
   */
  async firstArrivals(
    db: Executor,
    reader: Reader,
    o: { frontier: { account: string; at: Date }[]; currency: string },
  ): Promise<{ account: string; at: Date }[]> {
    if (o.frontier.length === 0) return [];
    const r = await sql<{ account: string; at: Date }>`select t.to_account_id as account, min(t.occurred_at) as at
      from unnest(${sql.val(o.frontier.map((f) => f.account))}::uuid[],
                  ${sql.val(o.frontier.map((f) => f.at.toISOString()))}::timestamptz[]) as f(account, at)
      join fin_transactions t on t.from_account_id = f.account and t.occurred_at >= f.at
      where t.currency = ${o.currency} and ${visibleTo(reader, 't')}
      group by t.to_account_id`.execute(db);
    return r.rows.map((x) => ({ account: x.account, at: new Date(x.at) }));
  }

  /**
   * What the accounts' untraced history leaves before `before` (nothing traced exists yet then):
   * per account touched by the visible transfers of the currency that touch `accountIds`, the
   * running balance (`balance`, in minus out) and the funds known to be there (`funds`: the
   * balance with every overdraft drawn from unknown funds, i.e. never below zero), replayed in
   * time then import order like the trace (a transfer to oneself spends before it receives).
   *
   * The legs come from four index-only reads of the covering account indexes (migration 0019):
   * out of an account (and the receiving end when it is not one of them), into an account (and
   * the sending end when it is not one of them); each transfer's legs counted once.
   */
  async openings(
    db: Executor,
    reader: Reader,
    o: { accountIds: string[]; currency: string; before: Date },
  ): Promise<{ account: string; balance: string; funds: string }[]> {
    if (o.accountIds.length === 0) return [];
    const ids = sql.val(o.accountIds);
    const on = (side: 'from_account_id' | 'to_account_id') =>
      sql`t.${sql.ref(side)} = any(${ids}::uuid[]) and t.currency = ${o.currency}
        and t.occurred_at < ${o.before.toISOString()}::timestamptz and ${visibleTo(reader, 't')}`;
    const r = await sql<{ account: string; balance: string; funds: string }>`with legs as (
        select t.from_account_id as account, -t.amount as delta, t.occurred_at, t.created_at, t.id, 0 as leg
        from fin_transactions t where ${on('from_account_id')}
        union all
        select t.to_account_id, t.amount, t.occurred_at, t.created_at, t.id, 1
        from fin_transactions t where ${on('from_account_id')} and t.to_account_id <> all(${ids}::uuid[])
        union all
        select t.to_account_id, t.amount, t.occurred_at, t.created_at, t.id, 1
        from fin_transactions t where ${on('to_account_id')}
        union all
        select t.from_account_id, -t.amount, t.occurred_at, t.created_at, t.id, 0
        from fin_transactions t where ${on('to_account_id')} and t.from_account_id <> all(${ids}::uuid[])),
      run as (
        select account, delta, sum(delta) over (partition by account order by occurred_at, created_at, id, leg
          rows unbounded preceding) as s
        from legs)
      select account, sum(delta) as balance, sum(delta) - least(0, min(s)) as funds
      from run group by account`.execute(db);
    return r.rows.map((x) => ({ account: x.account, balance: String(x.balance), funds: String(x.funds) }));
  }

  /**
   * Every visible transfer in the currency touching the accounts at or after `since`, in time then
   * import order, as the trace replays them (tracing.ts); `at` is the time in epoch milliseconds, floored (what a Date of `occurred_at`
   * holds on both drivers), computed in SQL so that no row's timestamp is parsed into a Date. Two
   * index-only reads of the covering account indexes (migration 0019): out of the accounts, and
   * into them from elsewhere (each transfer once).
   */
  async touchingSince(
    db: Executor,
    reader: Reader,
    o: { accountIds: string[]; currency: string; since: Date },
  ): Promise<Transfer[]> {
    if (o.accountIds.length === 0) return [];
    const ids = sql.val(o.accountIds);
    const on = (side: 'from_account_id' | 'to_account_id') =>
      sql`t.${sql.ref(side)} = any(${ids}::uuid[]) and t.currency = ${o.currency}
        and t.occurred_at >= ${o.since.toISOString()}::timestamptz and ${visibleTo(reader, 't')}`;
    const cols = sql`t.id, t.from_account_id, t.to_account_id, t.amount, t.occurred_at, t.created_at`;
    const r = await sql<Transfer>`
      select id, from_account_id as "from", to_account_id as "to", amount,
        floor(extract(epoch from occurred_at) * 1000)::int8 as at
      from (
        select ${cols} from fin_transactions t where ${on('from_account_id')}
        union all
        select ${cols} from fin_transactions t where ${on('to_account_id')}
          and (t.from_account_id is null or t.from_account_id <> all(${ids}::uuid[]))) x
      order by occurred_at, created_at, id
      limit 500000`.execute(db);
    return r.rows;
  }

  async accountTransactions(db: Executor, reader: Reader, accountId: string, limit: number) {
    return db
      .selectFrom('fin_transactions as t')
      .selectAll('t')
      .where((eb) => eb.or([eb('t.to_account_id', '=', accountId), eb('t.from_account_id', '=', accountId)]))
      .where(visibleTo(reader, 't'))
      .orderBy('t.occurred_at', 'desc')
      .limit(limit)
      .execute();
  }

  async recentVisible(db: Executor, reader: Reader, limit: number): Promise<TxRow[]> {
    return db
      .selectFrom('fin_transactions as t')
      .selectAll('t')
      .where(visibleTo(reader, 't'))
      .orderBy('t.occurred_at', 'desc')
      .limit(limit)
      .execute();
  }

  async keysOf(db: Executor, ids: readonly string[]): Promise<Map<string, AccountRow>> {
    return new Map((await this.accountsByIds(db, ids)).map((a) => [a.id, a]));
  }

  async upsertRates(db: Executor, rows: { currency: string; valid_from: string; usd: string }[]) {
    if (rows.length === 0) return;
    await db
      .insertInto('fin_rates')
      .values(rows)
      .onConflict((oc) => oc.columns(['currency', 'valid_from']).doUpdateSet((eb) => ({ usd: eb.ref('excluded.usd') })))
      .execute();
  }

  async rates(db: Executor, currency?: string) {
    let q = db.selectFrom('fin_rates').selectAll().orderBy('currency').orderBy('valid_from', 'desc');
    if (currency) q = q.where('currency', '=', currency);
    return q.limit(5000).execute();
  }

  /** The USD rate valid on a date: the latest row at or before it (null when none). */
  async rateAt(db: Executor, currency: string, date: Date): Promise<string | null> {
    if (currency === 'USD') return '1';
    const r = await db
      .selectFrom('fin_rates')
      .select('usd')
      .where('currency', '=', currency)
      .where('valid_from', '<=', sql<string>`${date.toISOString().slice(0, 10)}::date`)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.usd ?? null;
  }

  async agency(db: Executor, id: string) {
    return db.selectFrom('agencies').select(['id', 'country', 'name']).where('id', '=', id).executeTakeFirst();
  }
}
