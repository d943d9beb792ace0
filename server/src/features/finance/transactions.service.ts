import type { BatchResult, Marking, NewTransaction, RateRow, Transaction, TX_SOURCES } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type FieldError, ValidationError } from '../../platform/http/errors.ts';
import { fromColumns, type MarkingColumns, toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { FinanceRepository, type NewTxRow, type TxRow } from './finance.repository.ts';
import { type FinanceDeps, reader } from './finance.shared.ts';
import { canonical, currencyScale, D } from './money.ts';
import { prepareTransaction } from './transactions.ts';

/** Transactions (single, batch and imported) and the exchange rates they are valued with. */
export class TransactionsService {
  private readonly repo = new FinanceRepository();
  constructor(private readonly d: FinanceDeps) {}

  /**
   * Stores transactions. `atomic`: any bad row refuses the whole call (single API writes);
   * otherwise good rows are stored and bad rows reported by row number (imports). Rows already
   * stored (same owner and source key) are counted as existing, never stored twice.
   */
  async record(
    viewer: Viewer,
    batch: { source: (typeof TX_SOURCES)[number]; marking: Marking; rows: NewTransaction[] },
    o: { atomic?: boolean; requestId?: string } = {},
  ): Promise<BatchResult> {
    const issues = validateMarking(batch.marking);
    if (issues.length > 0) throw new ValidationError(issues);
    const errors: (FieldError & { row: number })[] = [];
    const prepared = batch.rows.map((row, i) => {
      const p = prepareTransaction(row);
      if (!p.ok) for (const e of p.errors) errors.push({ row: i, ...e });
      return p.ok ? p.tx : null;
    });
    if (o.atomic && errors.length > 0) {
      throw new ValidationError(
        errors.map((e) => ({
          field: batch.rows.length > 1 ? `rows.${e.row}.${e.field}` : e.field,
          message: e.message,
        })),
      );
    }
    const now = this.d.clock.now();
    const cols = toColumns(batch.marking);
    return this.d.database.transaction(async (tx) => {
      const accounts = prepared.flatMap((p) => (p ? (p.from ? [p.from, p.to] : [p.to]) : []));
      const ids = await this.repo.upsertAccounts(tx, accounts, now);
      const rows: NewTxRow[] = [];
      const seen = new Set<string>();
      for (const p of prepared) {
        if (!p || seen.has(p.sourceKey)) continue;
        seen.add(p.sourceKey);
        rows.push({
          source_key: p.sourceKey,
          from_account_id: p.from ? ids.get(p.from.key)! : null,
          to_account_id: ids.get(p.to.key)!,
          amount: p.amount,
          currency: p.currency,
          occurred_at: p.occurredAt,
          victim_ref: p.victimRef,
          victim_country: p.victimCountry,
          case_ref: p.caseRef,
          tx_hash: p.txHash,
        });
      }
      const stored = await this.repo.insertTransactions(
        tx,
        {
          owner_agency_id: viewer.agencyId,
          created_by_user: viewer.userId,
          ...cols,
          source: batch.source,
          created_at: now,
        },
        rows,
      );
      if (stored.created.size > 0) {
        await this.d.audit(
          tx,
          { viewer, requestId: o.requestId ?? null },
          {
            action: 'finance.transactions.recorded',
            objectType: 'fin-transaction',
            objectId: null,
            details: { source: batch.source, created: stored.created.size, rows: batch.rows.length },
          },
        );
      }
      return {
        created: stored.created.size,
        existing: rows.length - stored.created.size,
        errors: errors.map((e) => ({ row: e.row, field: e.field, message: e.message })),
        ids: prepared.map((p) => (p ? (stored.ids.get(p.sourceKey) ?? null) : null)),
      };
    });
  }

  async transactionsOf(viewer: Viewer, accountId: string, limit = 200): Promise<Transaction[]> {
    const db = this.d.database.db;
    const rows = await this.repo.accountTransactions(db, reader(viewer), accountId, limit);
    return this.toTransactions(db, rows);
  }

  async transactions(viewer: Viewer, ids: string[]): Promise<Transaction[]> {
    const db = this.d.database.db;
    return this.toTransactions(db, await this.repo.transactionsByIds(db, reader(viewer), ids));
  }

  private async toTransactions(db: Executor, rows: TxRow[]): Promise<Transaction[]> {
    const accounts = await this.repo.keysOf(db, [
      ...new Set(rows.flatMap((r) => [r.to_account_id, r.from_account_id ?? r.to_account_id])),
    ]);
    const out: Transaction[] = [];
    for (const r of rows) {
      const rate = await this.repo.rateAt(db, r.currency, r.occurred_at);
      out.push({
        id: r.id,
        ownerAgencyId: r.owner_agency_id,
        source: r.source as Transaction['source'],
        sourceKey: r.source_key,
        fromKey: r.from_account_id ? (accounts.get(r.from_account_id)?.key ?? null) : null,
        toKey: accounts.get(r.to_account_id)?.key ?? '',
        amount: canonical(r.amount),
        currency: r.currency,
        usd: rate ? new D(r.amount).times(rate).toDecimalPlaces(2).toFixed() : null,
        occurredAt: r.occurred_at.toISOString(),
        victimRef: r.victim_ref,
        victimCountry: r.victim_country,
        caseRef: r.case_ref,
        txHash: r.tx_hash,
        marking: fromColumns(r as unknown as MarkingColumns),
      });
    }
    return out;
  }

  async putRates(viewer: Viewer, rows: RateRow[]): Promise<number> {
    const errors: FieldError[] = [];
    const clean = rows.map((r, i) => {
      const currency = r.currency.toUpperCase();
      if (currencyScale(currency) === null)
        errors.push({ field: `rows.${i}.currency`, message: `unknown currency or token '${r.currency}'` });
      const usd = /^\d{1,20}(\.\d{1,18})?$/.test(r.usd) && !new D(r.usd).isZero();
      if (!usd) errors.push({ field: `rows.${i}.usd`, message: 'USD rate must be a positive decimal string' });
      return { currency, valid_from: r.validFrom, usd: r.usd };
    });
    if (errors.length > 0) throw new ValidationError(errors);
    await this.d.database.transaction(async (tx) => {
      await this.repo.upsertRates(tx, clean);
      await this.d.audit(
        tx,
        { viewer },
        { action: 'finance.rates.updated', objectType: 'fin-rates', objectId: null, details: { rows: clean.length } },
      );
    });
    return clean.length;
  }

  async rates(_viewer: Viewer, currency?: string): Promise<RateRow[]> {
    const rows = await this.repo.rates(this.d.database.db, currency);
    return rows.map((r) => ({
      currency: r.currency,
      validFrom: String(r.valid_from).slice(0, 10),
      usd: canonical(r.usd),
    }));
  }
}
