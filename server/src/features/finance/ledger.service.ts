import type { Balance, LEDGER_GROUPS, LedgerEntry } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { FinanceDeps } from './finance.shared.ts';
import { canonical, D } from './money.ts';

/** The asset ledger fed by freezes: its entries and the balances derived from them. */
export class LedgerService {
  constructor(private readonly d: Pick<FinanceDeps, 'database'>) {}

  async ledger(viewer: Viewer, freezeId?: string): Promise<LedgerEntry[]> {
    let q = this.d.database.db
      .selectFrom('fin_ledger as l')
      .innerJoin('fin_freezes as f', 'f.id', 'l.freeze_id')
      .select(['l.id', 'l.freeze_id', 'l.kind', 'l.amount', 'l.victim_ref', 'l.occurred_at', 'f.currency'])
      .select(sql<string | null>`(${usdRate()})`.as('rate'))
      .where((eb) =>
        eb.or([eb('f.requester_agency_id', '=', viewer.agencyId), eb('f.target_agency_id', '=', viewer.agencyId)]),
      );
    if (freezeId) q = q.where('l.freeze_id', '=', freezeId);
    const rows = await q.orderBy('l.id').limit(5000).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      freezeId: r.freeze_id,
      kind: r.kind as LedgerEntry['kind'],
      amount: canonical(r.amount),
      currency: r.currency,
      usd: r.rate === null ? null : new D(r.amount).times(r.rate).toDecimalPlaces(2).toFixed(),
      victimRef: r.victim_ref,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  /** Balances derived from the ledger entries, grouped by case, operation, country or currency. */
  async balances(viewer: Viewer, by: (typeof LEDGER_GROUPS)[number]): Promise<Balance[]> {
    const group = {
      case: sql`f.case_ref`,
      operation: sql`f.operation_ref`,
      country: sql`f.country`,
      currency: sql`null::text`,
    }[by];
    const bucket = (plus: string[], minus: string[]) =>
      sql`sum(case when l.kind in (${sql.join(plus)}) then l.amount when l.kind in (${sql.join(minus.length ? minus : ['-'])}) then -l.amount else 0 end)`;
    const usd = (plus: string[], minus: string[]) =>
      sql`case when count(*) = count(r.rate) then round(sum(case when l.kind in (${sql.join(plus)}) then l.amount * r.rate when l.kind in (${sql.join(minus.length ? minus : ['-'])}) then -l.amount * r.rate else 0 end), 2) end`;
    const BUCKETS = {
      frozen: [['freeze'], ['release', 'seize']],
      seized: [['seize'], ['forfeit']],
      forfeited: [['forfeit'], ['return']],
      returned: [['return'], []],
    } as const;
    const cols = Object.entries(BUCKETS).flatMap(([name, [p, m]]) => [
      sql`${bucket([...p], [...m])} as ${sql.ref(name)}`,
      sql`${usd([...p], [...m])} as ${sql.ref(`usd_${name}`)}`,
    ]);
    const rows = await sql<Record<string, string | null>>`
      select ${group} as grp, f.currency, ${sql.join(cols)}
      from fin_ledger l
      join fin_freezes f on f.id = l.freeze_id
      left join lateral (select ${usdRate()} as rate) r on true
      where f.requester_agency_id = ${viewer.agencyId}::uuid or f.target_agency_id = ${viewer.agencyId}::uuid
      group by 1, 2
      order by 1 nulls last, 2`.execute(this.d.database.db);
    const money = (v: string | null | undefined) => canonical(v ?? '0');
    return rows.rows.map((r) => ({
      group: r.grp ?? null,
      currency: r.currency ?? '',
      frozen: money(r.frozen),
      seized: money(r.seized),
      forfeited: money(r.forfeited),
      returned: money(r.returned),
      usd: {
        frozen: r.usd_frozen == null ? null : money(r.usd_frozen),
        seized: r.usd_seized == null ? null : money(r.usd_seized),
        forfeited: r.usd_forfeited == null ? null : money(r.usd_forfeited),
        returned: r.usd_returned == null ? null : money(r.usd_returned),
      },
    }));
  }
}
/** The USD rate valid at a ledger entry's date (UTC), for aliases l (ledger) and f (freeze). */
function usdRate() {
  return sql`case when f.currency = 'USD' then 1::numeric else (
    select x.usd from fin_rates x
    where x.currency = f.currency and x.valid_from <= (l.occurred_at at time zone 'UTC')::date
    order by x.valid_from desc limit 1) end`;
}
