import type {
  Account,
  AccountInput,
  AccountTag,
  BatchResult,
  Detection,
  Marking,
  NewTransaction,
  RateRow,
  TraceRequest,
  TraceResult,
  Transaction,
  TX_SOURCES,
} from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { type FieldError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { fromColumns, type MarkingColumns, toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import type { NoticesFeature } from '../notices/index.ts';
import { canonicalAccount } from './accounts.ts';
import { detect } from './detectors.ts';
import { type AccountRow, FinanceRepository, type NewTxRow, type TxRow } from './finance.repository.ts';
import { canonical, currencyScale, D, type Dec, parseAmount, toScale } from './money.ts';
import { type Model, trace } from './tracing.ts';
import { prepareTransaction } from './transactions.ts';

export interface FinanceDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
  /** The notices feature, where it exists: accounts and wallets become a draft Silver Notice. */
  notices?: Pick<NoticesFeature['notices'], 'create'>;
}

/** A Silver Notice (asset tracing of a person) drafted from accounts and wallets. */
export interface SilverNoticeInput {
  accountIds: string[];
  subject?: { name: string; nationalities: string[] };
}

export const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });
const ZERO = new D(0);

export function toAccount(
  a: AccountRow,
  tags: { account_id: string; agency_id: string; tag: string; note: string }[],
): Account {
  return {
    id: a.id,
    key: a.key,
    type: a.type as Account['type'],
    display: a.display,
    country: a.country,
    chain: a.chain,
    bank: a.bank,
    provider: a.provider,
    tags: tags
      .filter((t) => t.account_id === a.id)
      .map((t) => ({ agencyId: t.agency_id, tag: t.tag as AccountTag, note: t.note })),
  };
}

/** Accounts, transactions, rates, tracing and detection. */
export class FinanceService {
  readonly repo = new FinanceRepository();
  constructor(private readonly d: FinanceDeps) {}

  /** Registers an account (or finds it) by its canonical key. */
  async resolveAccount(viewer: Viewer, input: AccountInput): Promise<Account> {
    const c = canonicalAccount(input);
    if (!c.ok) throw ValidationError.field(c.field, c.reason);
    const id = await this.d.database.transaction(async (tx) => {
      const ids = await this.repo.upsertAccounts(tx, [c.account], this.d.clock.now());
      return ids.get(c.account.key)!;
    });
    return this.account(viewer, id);
  }

  async account(_viewer: Viewer, id: string): Promise<Account> {
    const db = this.d.database.db;
    const a = await this.repo.account(db, id);
    if (!a) throw new NotFoundError('account');
    return toAccount(a, await this.repo.tagsOf(db, [a.id]));
  }

  /**
   * Drafts a Silver Notice (asset tracing of a person) through the notices feature, prefilled with
   * the accounts and wallets (from an account page or a trace). The draft belongs to the viewer's
   * agency; the person, if not given, is left for the officer to fill before submission.
   */
  async draftSilverNotice(viewer: Viewer, input: SilverNoticeInput, requestId?: string): Promise<{ noticeId: string }> {
    const notices = this.d.notices;
    if (!notices) throw new NotFoundError('notices feature');
    const db = this.d.database.db;
    const accounts: Account[] = [];
    for (const [i, id] of input.accountIds.entries()) {
      const a = await this.repo.account(db, id);
      if (!a) throw ValidationError.field(`accountIds.${i}`, 'unknown account');
      accounts.push(toAccount(a, []));
    }
    const lines = accounts.map((a) => {
      const where = [a.chain, a.bank, a.provider, a.country].filter(Boolean).join(', ');
      return `- ${a.type} ${a.display}${where ? ` (${where})` : ''} [${a.key}]`;
    });
    const jurisdictions = [...new Set(accounts.map((a) => a.country).filter((c): c is string => Boolean(c)))];
    const first = accounts[0] as Account;
    const draft = await notices.create(
      viewer,
      {
        type: 'silver',
        title:
          `Asset tracing: ${input.subject?.name ?? first.display}${accounts.length > 1 ? ` and ${accounts.length - 1} more` : ''}`.slice(
            0,
            300,
          ),
        summary: `Drafted from criminal finance (${accounts.length} account${accounts.length === 1 ? '' : 's'}).`,
        details: {
          ...(input.subject
            ? { subject: { name: input.subject.name, nationalities: input.subject.nationalities } }
            : {}),
          assetsSought: `Assets held or controlled through these accounts and wallets:\n${lines.join('\n')}`.slice(
            0,
            5000,
          ),
          ...(jurisdictions.length > 0 ? { jurisdictions } : {}),
        },
      },
      requestId,
    );
    await this.d.database.transaction((tx) =>
      this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'finance.silver-notice',
          objectType: 'notice',
          objectId: draft.id,
          details: { accountIds: input.accountIds },
        },
      ),
    );
    return { noticeId: draft.id };
  }

  async listAccounts(viewer: Viewer, o: { q?: string; limit: number; offset: number }): Promise<Account[]> {
    const db = this.d.database.db;
    const rows = await this.repo.listAccounts(db, reader(viewer), o);
    const tags = await this.repo.tagsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAccount(r, tags));
  }

  async tag(viewer: Viewer, id: string, tag: AccountTag, note: string, remove = false): Promise<Account> {
    await this.d.database.transaction(async (tx) => {
      const a = await this.repo.account(tx, id);
      if (!a) throw new NotFoundError('account');
      if (remove) {
        if (!(await this.repo.removeTag(tx, id, viewer.agencyId, tag))) throw new NotFoundError('tag');
      } else {
        await this.repo.addTag(tx, {
          account_id: id,
          agency_id: viewer.agencyId,
          tag,
          note,
          created_at: this.d.clock.now(),
        });
      }
      await this.d.audit(
        tx,
        { viewer },
        {
          action: remove ? 'finance.account.untagged' : 'finance.account.tagged',
          objectType: 'fin-account',
          objectId: id,
          details: { tag },
        },
      );
    });
    return this.account(viewer, id);
  }

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
          owner_agency_id: viewer.agencyId,
          created_by_user: viewer.userId,
          ...cols,
          source: batch.source,
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
          created_at: now,
        });
      }
      const stored = await this.repo.insertTransactions(tx, viewer.agencyId, rows);
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

  /**
   * Follow the money. Forward: from victim payments (transactionIds) or everything that came into
   * an account. Backward: from an account, the transfers that could have fed it within the hops
   * (each earlier in time than the next), attributed to their origins by the same model.
   */
  async trace(viewer: Viewer, req: TraceRequest, o: { audit?: boolean } = {}): Promise<TraceResult> {
    const db = this.d.database.db;
    const r = reader(viewer);
    const model: Model = req.model ?? 'fifo';
    const hops = req.hops ?? 6;
    const direction = req.direction ?? 'forward';
    let seeds: TxRow[];
    if (req.transactionIds) {
      seeds = await this.repo.transactionsByIds(db, r, req.transactionIds);
      if (seeds.length !== new Set(req.transactionIds).size) {
        throw ValidationError.field('transactionIds', 'unknown transaction, or one you may not see');
      }
    } else if (req.accountId) {
      if (!(await this.repo.account(db, req.accountId))) throw ValidationError.field('accountId', 'unknown account');
      seeds = [];
      const inbound = await db
        .selectFrom('fin_transactions as t')
        .select('t.currency')
        .where('t.to_account_id', '=', req.accountId)
        .groupBy('t.currency')
        .orderBy(db.fn.countAll(), 'desc')
        .limit(1)
        .executeTakeFirst();
      if (inbound)
        seeds = await this.repo.neighbours(db, r, {
          accountIds: [req.accountId],
          currency: inbound.currency,
          direction: 'in',
        });
    } else {
      throw ValidationError.field('transactionIds', 'give transactionIds or accountId');
    }
    const currencies = new Set(seeds.map((s) => s.currency));
    if (currencies.size > 1) throw ValidationError.field('transactionIds', 'the transactions must be in one currency');
    const currency = seeds[0]?.currency ?? 'USD';

    let origins: TxRow[] = seeds;
    let visited = new Set(seeds.map((s) => s.to_account_id));
    if (direction === 'forward') {
      const earliest = new Map<string, number>();
      for (const s of seeds)
        earliest.set(s.to_account_id, Math.min(earliest.get(s.to_account_id) ?? Infinity, s.occurred_at.getTime()));
      let frontier = [...earliest.keys()];
      for (let h = 1; h < hops && frontier.length > 0; h++) {
        const outs = await this.repo.neighbours(db, r, { accountIds: frontier, currency, direction: 'out' });
        const next: string[] = [];
        for (const t of outs) {
          if (t.occurred_at.getTime() < (earliest.get(t.from_account_id!) ?? Infinity)) continue;
          const prev = earliest.get(t.to_account_id);
          if (prev === undefined) next.push(t.to_account_id);
          earliest.set(t.to_account_id, Math.min(prev ?? Infinity, t.occurred_at.getTime()));
          visited.add(t.to_account_id);
        }
        frontier = next;
      }
    } else {
      if (!req.accountId) throw ValidationError.field('accountId', 'a backward trace starts from an account');
      // Walk back in time: a transfer into X at time t can only be fed by transfers into its sender before t.
      const latest = new Map<string, number>([[req.accountId, Infinity]]);
      visited = new Set([req.accountId]);
      let frontier = [req.accountId];
      const frontierTx: TxRow[] = [];
      for (let h = 1; h <= hops && frontier.length > 0; h++) {
        const ins = await this.repo.neighbours(db, r, { accountIds: frontier, currency, direction: 'in' });
        const next: string[] = [];
        for (const t of ins) {
          if (t.occurred_at.getTime() > (latest.get(t.to_account_id) ?? -Infinity)) continue;
          if (t.victim_ref !== null || t.from_account_id === null || h === hops) {
            frontierTx.push(t);
            continue;
          }
          const prev = latest.get(t.from_account_id);
          if (prev === undefined) next.push(t.from_account_id);
          latest.set(t.from_account_id, Math.max(prev ?? -Infinity, t.occurred_at.getTime()));
          visited.add(t.from_account_id);
        }
        frontier = next;
      }
      origins = [...new Map(frontierTx.map((t) => [t.id, t])).values()];
      for (const t of origins) visited.add(t.to_account_id);
    }

    const all = await this.repo.touching(db, r, [...visited], currency);
    const originMap = new Map(origins.map((t) => [t.id, t.victim_ref ?? t.id]));
    const result = trace(
      all.map((t) => ({
        id: t.id,
        from: t.from_account_id,
        to: t.to_account_id,
        amount: t.amount,
        at: t.occurred_at.getTime(),
      })),
      { model, origins: originMap, maxHops: direction === 'forward' ? hops : hops + 1 },
    );
    let holdings = [...result.accounts.values()];
    let edges = result.transfers;
    if (direction === 'backward') {
      // Only what can have reached the account: the paths found walking back.
      holdings = holdings.filter((h) => visited.has(h.account));
      edges = edges.filter((e) => visited.has(e.to) && (e.from === null || visited.has(e.from) || originMap.has(e.id)));
    }
    const accounts = await this.repo.keysOf(
      db,
      holdings.map((h) => h.account),
    );
    const tags = await this.repo.tagsOf(
      db,
      holdings.map((h) => h.account),
    );
    const rate = await this.repo.rateAt(db, currency, this.d.clock.now());
    const fix = (d: Dec) => toScale(d, currency);
    const byOrigin = (m: ReadonlyMap<string, Dec>) => Object.fromEntries([...m].map(([k, v]) => [k, fix(v)]));
    const sumOf = (m: ReadonlyMap<string, Dec>) => [...m.values()].reduce((a, b) => a.plus(b), ZERO);
    if (o.audit !== false) {
      await this.d.database.transaction((tx) =>
        this.d.audit(
          tx,
          { viewer },
          {
            action: 'finance.trace.run',
            objectType: 'fin-trace',
            objectId: null,
            details: { direction, model, hops, origins: origins.length, accounts: holdings.length },
          },
        ),
      );
    }
    return {
      model,
      direction,
      hops,
      currency,
      origins: origins.map((t) => ({ id: originMap.get(t.id)!, transactionId: t.id, amount: canonical(t.amount) })),
      nodes: holdings
        .sort((a, b) => a.hop - b.hop || a.account.localeCompare(b.account))
        .map((h) => {
          const a = accounts.get(h.account)!;
          const held = sumOf(h.held);
          return {
            accountId: h.account,
            key: a.key,
            display: a.display,
            type: a.type as Account['type'],
            country: a.country,
            tags: [...new Set(tags.filter((t) => t.account_id === h.account).map((t) => t.tag as AccountTag))],
            hop: Number.isFinite(h.hop) ? h.hop : 0,
            received: fix(h.received),
            sent: fix(h.sent),
            held: fix(held),
            heldUsd: rate ? held.times(rate).toDecimalPlaces(2).toFixed() : null,
            heldByOrigin: byOrigin(h.held),
            horizon: h.horizon,
          };
        }),
      edges: edges.map((e) => ({
        transactionId: e.id,
        from: e.from,
        to: e.to,
        at: new Date(e.at).toISOString(),
        amount: fix(e.amount),
        traced: fix(sumOf(e.traced)),
        hop: Number.isFinite(e.hop) ? e.hop : 0,
        byOrigin: byOrigin(e.traced),
      })),
    };
  }

  async detections(viewer: Viewer): Promise<Detection[]> {
    const db = this.d.database.db;
    const rows = await this.repo.recentVisible(db, reader(viewer), 50_000);
    const ids = [
      ...new Set(rows.flatMap((r) => (r.from_account_id ? [r.from_account_id, r.to_account_id] : [r.to_account_id]))),
    ];
    const tagRows = await this.repo.tagsOf(db, ids);
    const tags = new Map<string, string[]>();
    for (const t of tagRows) tags.set(t.account_id, [...(tags.get(t.account_id) ?? []), t.tag]);
    const found = detect(
      rows.map((r) => ({
        id: r.id,
        from: r.from_account_id,
        to: r.to_account_id,
        amount: r.amount,
        currency: r.currency,
        at: r.occurred_at.getTime(),
        victimRef: r.victim_ref,
        victimCountry: r.victim_country,
      })),
      { tags },
    );
    const accounts = await this.repo.keysOf(
      db,
      found.map((f) => f.account),
    );
    return found.slice(0, 200).map((f) => ({
      kind: f.kind,
      accountId: f.account,
      key: accounts.get(f.account)?.key ?? '',
      display: accounts.get(f.account)?.display ?? '',
      score: Math.round(f.score * 100) / 100,
      evidence: f.evidence,
      transactionIds: f.transactionIds,
    }));
  }

  /** Checks an amount in a currency, naming `field` when it is refused. */
  static amount(value: string, currency: string, field = 'amount'): string {
    const p = parseAmount(value, currency);
    if (!p.ok) throw ValidationError.field(p.reason.startsWith('unknown currency') ? 'currency' : field, p.reason);
    return p.value;
  }
}
