import type { Account, AccountTag, Detection, TraceRequest, TraceResult } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { detect } from './detectors.ts';
import { FinanceRepository, type TxRow } from './finance.repository.ts';
import { type FinanceDeps, reader } from './finance.shared.ts';
import { canonical, D, type Dec, toScale } from './money.ts';
import { type Model, trace } from './tracing.ts';

const ZERO = new D(0);

/** Where a trace spent its time, filled in when asked (benchmarks). */
export interface TraceProfile {
  walkMs?: number;
  loadMs?: number;
  replayMs?: number;
  /** Accounts reached by the walk, and transfers loaded for the replay. */
  accounts?: number;
  rows?: number;
}

/** Following the money (forward and backward traces) and the detectors over recent transactions. */
export class TracingService {
  private readonly repo = new FinanceRepository();
  constructor(private readonly d: FinanceDeps) {}

  /**
   * Follow the money. Forward: from victim payments (transactionIds) or everything that came into
   * an account. Backward: from an account, the transfers that could have fed it within the hops
   * (each earlier in time than the next), attributed to their origins by the same model.
   */
  async trace(
    viewer: Viewer,
    req: TraceRequest,
    o: { audit?: boolean; profile?: TraceProfile } = {},
  ): Promise<TraceResult> {
    const db = this.d.database.db;
    const t0 = performance.now();
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
      // A time-respecting walk, one bounded query per hop: an account's earliest arrival of
      // funds; an account reached earlier than before is walked on again from that time.
      const earliest = new Map<string, Date>();
      for (const s of seeds) {
        const prev = earliest.get(s.to_account_id);
        if (!prev || s.occurred_at < prev) earliest.set(s.to_account_id, s.occurred_at);
      }
      let frontier = [...earliest.keys()];
      for (let h = 1; h < hops && frontier.length > 0; h++) {
        const arrivals = await this.repo.firstArrivals(db, r, {
          frontier: frontier.map((account) => ({ account, at: earliest.get(account)! })),
          currency,
        });
        const next: string[] = [];
        for (const a of arrivals) {
          const prev = earliest.get(a.account);
          if (prev && prev <= a.at) continue;
          earliest.set(a.account, a.at);
          next.push(a.account);
          visited.add(a.account);
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

    const t1 = performance.now();
    // Nothing traced moves before the first origin: the history before it is summed up in SQL
    // per account (opening balance and funds) instead of being read and replayed.
    const since = new Date(Math.min(...origins.map((t) => t.occurred_at.getTime())));
    const accountIds = [...visited];
    // Two reads, sent together (two pooled connections on PostgreSQL).
    const [openings, all] =
      origins.length === 0
        ? [[], []]
        : await Promise.all([
            this.repo.openings(db, r, { accountIds, currency, before: since }),
            this.repo.touchingSince(db, r, { accountIds, currency, since }),
          ]);
    const opening = new Map(openings.map((o) => [o.account, o]));
    const t2 = performance.now();
    const originMap = new Map(origins.map((t) => [t.id, t.victim_ref ?? t.id]));
    const result = trace(all, {
      model,
      origins: originMap,
      maxHops: direction === 'forward' ? hops : hops + 1,
      opening,
    });
    if (o.profile) {
      Object.assign(o.profile, {
        walkMs: t1 - t0,
        loadMs: t2 - t1,
        replayMs: performance.now() - t2,
        accounts: visited.size,
        rows: all.length,
      });
    }
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
      r,
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
    const tagRows = await this.repo.tagsOf(db, reader(viewer), ids);
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
}
