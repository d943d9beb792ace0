import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import { mulberry32 } from '../../platform/prng.ts';
import { FinanceRepository } from './finance.repository.ts';

/**
 * The trace's two bulk reads (FinanceRepository.openings and touchingSince) against the queries
 * they replaced (the OR form over whole rows, times parsed into Dates), on random data with ties
 * in time and import order, several currencies, transfers to oneself, payments from outside
 * (no sender), times before 1970 and at sub-millisecond precision, and markings the reader may
 * or may not see. Same rows, same order, same times, same opening balances and funds.
 */

async function formerOpenings(
  db: Executor,
  reader: Reader,
  o: { accountIds: string[]; currency: string; before: Date },
) {
  const ids = sql.val(o.accountIds);
  const r = await sql<{ account: string; balance: string; funds: string }>`with pre as (
      select t.id, t.occurred_at, t.created_at, t.from_account_id, t.to_account_id, t.amount
      from fin_transactions t
      where (t.to_account_id = any(${ids}::uuid[]) or t.from_account_id = any(${ids}::uuid[]))
        and t.currency = ${o.currency} and t.occurred_at < ${o.before.toISOString()}::timestamptz
        and ${visibleTo(reader, 't')}),
    legs as (
      select from_account_id as account, -amount as delta, occurred_at, created_at, id, 0 as leg
      from pre where from_account_id is not null
      union all
      select to_account_id, amount, occurred_at, created_at, id, 1 from pre),
    run as (
      select account, delta, sum(delta) over (partition by account order by occurred_at, created_at, id, leg
        rows unbounded preceding) as s
      from legs)
    select account, sum(delta) as balance, sum(delta) - least(0, min(s)) as funds
    from run group by account`.execute(db);
  return r.rows.map((x) => ({ account: x.account, balance: String(x.balance), funds: String(x.funds) }));
}

async function formerTouching(
  db: Executor,
  reader: Reader,
  o: { accountIds: string[]; currency: string; since: Date },
) {
  const rows = await db
    .selectFrom('fin_transactions as t')
    .select(['t.id', 't.from_account_id', 't.to_account_id', 't.amount', 't.occurred_at'])
    .where((eb) => eb.or([eb('t.to_account_id', 'in', o.accountIds), eb('t.from_account_id', 'in', o.accountIds)]))
    .where('t.currency', '=', o.currency)
    .where('t.occurred_at', '>=', o.since)
    .where(visibleTo(reader, 't'))
    .orderBy('t.occurred_at')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .limit(500_000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.from_account_id,
    to: r.to_account_id,
    amount: r.amount,
    at: r.occurred_at.getTime(),
  }));
}

const byAccount = <T extends { account: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.account.localeCompare(b.account));

describe.each(drivers)('the trace reads on %s', (driver) => {
  const db = useTestDb(driver);

  it('give what the former queries gave, on random data', async () => {
    const x = db().database.db;
    const rnd = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const agency = async (name: string, region: string) =>
      (
        await sql<{ id: string }>`insert into agencies (name, country, region, kind)
          values (${name}, 'TH', ${region}, 'fiu') returning id`.execute(x)
      ).rows[0]!.id;
    const me = await agency('Reader FIU', 'Asia');
    const other = await agency('Other FIU', 'Europe');
    const reader: Reader = { agencyId: me, region: 'Asia' };
    const accounts: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await sql<{ id: string }>`insert into fin_accounts (key, type, display, created_at)
        values (${`crypto:tron:t${i}`}, 'crypto', ${`t${i}`}, now()) returning id`.execute(x);
      accounts.push(r.rows[0]!.id);
    }
    // Few distinct instants (ties), microseconds, some before 1970.
    const instants = Array.from({ length: 40 }, (_, i) =>
      i < 4
        ? `1969-12-31 23:59:5${i}.99${i}5${i}+00`
        : `2026-0${1 + (i % 9)}-1${i % 10} 10:00:0${i % 7}.${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}+00`,
    );
    const created = ['2026-11-01 00:00:00+00', '2026-11-02 00:00:00.000001+00'];
    const markings = [
      { owner: other, tlp: 'GREEN', kind: 'all', regions: [], agencies: [] },
      { owner: other, tlp: 'GREEN', kind: 'all', regions: [], agencies: [] },
      { owner: me, tlp: 'RED', kind: 'agencies', regions: [], agencies: [] },
      { owner: other, tlp: 'RED', kind: 'agencies', regions: [], agencies: [] },
      { owner: other, tlp: 'AMBER', kind: 'regions', regions: ['Asia'], agencies: [] },
      { owner: other, tlp: 'AMBER', kind: 'regions', regions: ['Europe'], agencies: [] },
      { owner: other, tlp: 'AMBER', kind: 'agencies', regions: [], agencies: [me] },
      { owner: other, tlp: 'CLEAR', kind: 'agencies', regions: [], agencies: [] },
    ];
    for (let i = 0; i < 400; i++) {
      const m = pick(markings);
      const from = rnd() < 0.1 ? null : pick(accounts);
      const to = rnd() < 0.05 && from ? from : pick(accounts);
      const amount = `${1 + Math.floor(rnd() * 5000)}.${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
      await sql`insert into fin_transactions (owner_agency_id, tlp, pap, reliability, credibility, audience_kind,
          audience_regions, audience_agencies, source, source_key, from_account_id, to_account_id, amount, currency,
          occurred_at, created_at)
        values (${m.owner}::uuid, ${m.tlp}, 'GREEN', 'B', '2', ${m.kind}, ${sql.val(m.regions)}::text[],
          ${sql.val(m.agencies)}::uuid[], 'manual', ${`k${i}`}, ${from}::uuid, ${to}::uuid, ${amount}::numeric,
          ${rnd() < 0.85 ? 'USDT' : 'ETH'}, ${pick(instants)}::timestamptz, ${pick(created)}::timestamptz)`.execute(x);
    }
    const repo = new FinanceRepository();
    let compared = 0;
    for (let c = 0; c < 30; c++) {
      const ids = accounts.filter(() => rnd() < 0.4);
      if (ids.length === 0) continue;
      // The trace's cut is a Date (milliseconds), between or on stored instants.
      const cut = new Date(pick(instants).replace(' ', 'T').replace('+00', 'Z'));
      const o = { accountIds: ids, currency: rnd() < 0.8 ? 'USDT' : 'ETH' };
      const touching = await repo.touchingSince(x, reader, { ...o, since: cut });
      expect(touching).toEqual(await formerTouching(x, reader, { ...o, since: cut }));
      const openings = await repo.openings(x, reader, { ...o, before: cut });
      expect(byAccount(openings)).toEqual(byAccount(await formerOpenings(x, reader, { ...o, before: cut })));
      compared += touching.length + openings.length;
    }
    // The data must exercise the queries: many rows compared, some hidden from the reader.
    expect(compared).toBeGreaterThan(1000);
    const hidden = await sql<{ n: number }>`select count(*)::int as n from fin_transactions t
      where not ${visibleTo(reader, 't')}`.execute(x);
    expect(hidden.rows[0]!.n).toBeGreaterThan(50);
  }, 60_000);
});
