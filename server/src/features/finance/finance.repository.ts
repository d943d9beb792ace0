import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { MarkingColumns } from '../../platform/markings/columns.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import type { CanonicalAccount } from './accounts.ts';
import type { FinAccountsTable, FinAccountTagsTable, FinFreezesTable, FinTransactionsTable } from './finance.tables.ts';

export type AccountRow = Selectable<FinAccountsTable>;
export type TxRow = Selectable<FinTransactionsTable>;
export type FreezeRow = Selectable<FinFreezesTable>;
export type TagRow = Selectable<FinAccountTagsTable>;

export interface NewTxRow extends MarkingColumns {
  owner_agency_id: string;
  created_by_user: string | null;
  source: string;
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
  created_at: Date;
}

/** Accounts, transactions, rates: the only place with their SQL. */
export class FinanceRepository {
  /** Inserts the accounts not yet known (by key) and returns key → id for all of them. */
  async upsertAccounts(db: Executor, accounts: CanonicalAccount[], at: Date): Promise<Map<string, string>> {
    const unique = [...new Map(accounts.map((a) => [a.key, a])).values()];
    if (unique.length === 0) return new Map();
    await db
      .insertInto('fin_accounts')
      .values(unique.map((a) => ({ ...a, created_at: at })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const rows = await db
      .selectFrom('fin_accounts')
      .select(['id', 'key'])
      .where(
        'key',
        'in',
        unique.map((a) => a.key),
      )
      .execute();
    return new Map(rows.map((r) => [r.key, r.id]));
  }

  /** Inserts rows not stored yet (owner + source key); returns the ids of new and existing rows by key. */
  async insertTransactions(
    db: Executor,
    ownerAgencyId: string,
    rows: NewTxRow[],
  ): Promise<{ created: Set<string>; ids: Map<string, string> }> {
    if (rows.length === 0) return { created: new Set(), ids: new Map() };
    const inserted = await db
      .insertInto('fin_transactions')
      .values(rows)
      .onConflict((oc) => oc.columns(['owner_agency_id', 'source_key']).doNothing())
      .returning(['id', 'source_key'])
      .execute();
    const all = await db
      .selectFrom('fin_transactions')
      .select(['id', 'source_key'])
      .where('owner_agency_id', '=', ownerAgencyId)
      .where(
        'source_key',
        'in',
        rows.map((r) => r.source_key),
      )
      .execute();
    return { created: new Set(inserted.map((r) => r.source_key)), ids: new Map(all.map((r) => [r.source_key, r.id])) };
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

  /** Every visible transfer in the currency touching the accounts, in time then import order. */
  async touching(db: Executor, reader: Reader, accountIds: string[], currency: string): Promise<TxRow[]> {
    if (accountIds.length === 0) return [];
    return db
      .selectFrom('fin_transactions as t')
      .selectAll('t')
      .where((eb) => eb.or([eb('t.to_account_id', 'in', accountIds), eb('t.from_account_id', 'in', accountIds)]))
      .where('t.currency', '=', currency)
      .where(visibleTo(reader, 't'))
      .orderBy('t.occurred_at')
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(500_000)
      .execute();
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
