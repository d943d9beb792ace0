import { D, type Dec } from './money.ts';
import { traceFifoExact } from './tracing-exact.ts';

/**
 * Follow the money (pure). Given transfers in one currency, traces the funds of chosen origin
 * transfers forward through accounts in time order, under one attribution model:
 *  - fifo: an outgoing transfer spends the account's oldest unspent incoming funds first;
 *  - proportional ("haircut"): an outgoing transfer carries the account's current mix;
 *  - poison: once tainted, everything an account sends is tainted (split over origins by the
 *    account's taint mix); not conservative: it gives the widest net, not an amount to freeze.
 * Funds cannot leave before they arrive: transfers are replayed in time order (input order breaks
 * ties), and an outgoing transfer larger than the funds known to be there draws the rest from
 * unknown (clean) funds. Each transfer's taint carries the hop count of the shortest path from an
 * origin; funds reaching an account at `maxHops` stay there (that account is the horizon).
 */
export type Model = 'fifo' | 'proportional' | 'poison';
export const MODELS: readonly Model[] = ['fifo', 'proportional', 'poison'];

export interface Transfer {
  id: string;
  from: string | null;
  to: string;
  amount: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface TraceOptions {
  model: Model;
  /** Transfers whose funds are followed; their key names the origin (e.g. a victim reference). */
  origins: ReadonlyMap<string, string>;
  maxHops: number;
  /**
   * The state accounts start from when their earlier, untraced history is left out: `balance`
   * (in minus out) and `funds` (untraced funds known to be there). Replaying that history gives
   * exactly this state, as no traced funds moved before the first origin.
   */
  opening?: ReadonlyMap<string, { balance: string; funds: string }>;
}

export interface Holding {
  account: string;
  /** Lowest hop count at which traced funds reached the account. */
  hop: number;
  /** Traced funds received. */
  received: Dec;
  /** Traced funds sent on (0 at the horizon: not followed further). */
  sent: Dec;
  /** Traced funds that sit here now, per origin. */
  held: Map<string, Dec>;
  horizon: boolean;
}

export interface TracedTransfer {
  id: string;
  from: string | null;
  to: string;
  at: number;
  amount: Dec;
  hop: number;
  /** Traced part of the transfer per origin. */
  traced: Map<string, Dec>;
}

export interface TraceResult {
  model: Model;
  transfers: TracedTransfer[];
  accounts: Map<string, Holding>;
}

interface Lot {
  /** Origin of the funds, or null for funds not traced (clean or unknown). */
  origin: string | null;
  remaining: Dec;
  hop: number;
}

interface AccountState {
  /** Unspent funds in arrival order (FIFO order is kept across hops: a transfer's pieces stay ordered). */
  lots: Lot[];
  /** Poison: cumulative taint received per origin (the mix), and the known balance. */
  mix: Map<string, Dec>;
  balance: Dec;
  hop: number;
}

const ZERO = new D(0);
const INF = Number.POSITIVE_INFINITY;
const sum = (m: ReadonlyMap<string, Dec>) => [...m.values()].reduce((a, b) => a.plus(b), ZERO);
const addTo = (m: Map<string, Dec>, k: string, v: Dec) => {
  if (!v.isZero()) m.set(k, (m.get(k) ?? ZERO).plus(v));
};

/** Sorts by time; equal times keep input order (callers give a stable order, e.g. import order). */
export function inTimeOrder<T extends { at: number }>(xs: readonly T[]): T[] {
  // Already in order (as the repository reads them): the stable sort would give the same.
  let sorted = true;
  for (let i = 1; i < xs.length && sorted; i++) sorted = xs[i - 1]!.at <= xs[i]!.at;
  if (sorted) return [...xs];
  return xs
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.at - b.x.at || a.i - b.i)
    .map((e) => e.x);
}

export function trace(transfers: readonly Transfer[], options: TraceOptions): TraceResult {
  // FIFO only adds and subtracts: exact integers give decimal.js's result, faster (tracing-exact.ts).
  if (options.model === 'fifo') {
    const exact = traceFifoExact(inTimeOrder(transfers), options);
    if (exact) return exact;
  }
  return traceDecimal(transfers, options);
}

/** The replay in decimal.js, for every model (and FIFO when its amounts are too long for tracing-exact.ts). */
export function traceDecimal(transfers: readonly Transfer[], options: TraceOptions): TraceResult {
  const { model, origins, maxHops } = options;
  const states = new Map<string, AccountState>();
  const state = (acc: string) => {
    let s = states.get(acc);
    if (!s) {
      const o = options.opening?.get(acc);
      const funds = o ? new D(o.funds) : ZERO;
      s = {
        lots: funds.greaterThan(0) ? [{ origin: null, remaining: funds, hop: INF }] : [],
        mix: new Map(),
        balance: o ? new D(o.balance) : ZERO,
        hop: INF,
      };
      states.set(acc, s);
    }
    return s;
  };
  const holdings = new Map<string, Holding>();
  const out: TracedTransfer[] = [];

  for (const t of inTimeOrder(transfers)) {
    const amount = new D(t.amount);
    let pieces: Lot[] = [];
    const origin = origins.get(t.id);
    if (t.from !== null) {
      const src = state(t.from);
      pieces = spend(src, amount, model);
      if (src.hop >= maxHops) pieces = [{ origin: null, remaining: amount, hop: INF }];
    }
    if (origin !== undefined) pieces = [{ origin, remaining: amount, hop: 0 }];
    else if (pieces.length === 0) pieces = [{ origin: null, remaining: amount, hop: INF }];
    // A piece that travelled h transfers arrives here after h + 1.
    pieces = pieces.map((p) => ({ ...p, hop: p.origin === null ? INF : p.hop + 1 }));
    const traced = new Map<string, Dec>();
    let hop = INF;
    for (const p of pieces) {
      if (p.origin === null) continue;
      addTo(traced, p.origin, p.remaining);
      hop = Math.min(hop, p.hop);
    }
    const dst = state(t.to);
    dst.balance = dst.balance.plus(amount);
    dst.lots.push(...pieces.filter((p) => !p.remaining.isZero()));
    for (const [k, v] of traced) addTo(dst.mix, k, v);
    if (traced.size === 0) continue;
    if (t.from !== null) {
      const h = holdings.get(t.from);
      if (h) h.sent = h.sent.plus(sum(traced));
    }
    dst.hop = Math.min(dst.hop, hop);
    let h = holdings.get(t.to);
    if (!h) {
      h = { account: t.to, hop, received: ZERO, sent: ZERO, held: new Map(), horizon: false };
      holdings.set(t.to, h);
    }
    h.hop = Math.min(h.hop, hop);
    h.received = h.received.plus(sum(traced));
    out.push({ id: t.id, from: t.from, to: t.to, at: t.at, amount, hop, traced });
  }

  for (const [acc, h] of holdings) {
    const s = states.get(acc)!;
    h.horizon = s.hop >= maxHops;
    if (h.horizon) {
      // Not followed further: what reached the horizon is reported as sitting there.
      for (const t of out) if (t.to === acc) for (const [k, v] of t.traced) addTo(h.held, k, v);
      h.sent = ZERO;
    } else if (model === 'poison') {
      const total = sum(s.mix);
      const bal = D.max(s.balance, ZERO);
      for (const [k, v] of s.mix) addTo(h.held, k, bal.times(v).div(total));
    } else {
      for (const lot of s.lots) if (lot.origin !== null) addTo(h.held, lot.origin, lot.remaining);
    }
  }
  return { model, transfers: out, accounts: holdings };
}

/** Takes `amount` out of an account under the model; returns the pieces it carries, in order. */
function spend(s: AccountState, amount: Dec, model: Model): Lot[] {
  s.balance = s.balance.minus(amount);
  const pieces: Lot[] = [];
  let need = amount;
  if (model === 'poison') {
    const total = sum(s.mix);
    if (total.isZero()) return [];
    for (const [k, v] of s.mix) pieces.push({ origin: k, remaining: amount.times(v).div(total), hop: s.hop });
    return pieces;
  }
  if (model === 'fifo') {
    for (const lot of s.lots) {
      if (need.isZero()) break;
      const take = D.min(need, lot.remaining);
      pieces.push({ origin: lot.origin, remaining: take, hop: lot.hop });
      lot.remaining = lot.remaining.minus(take);
      need = need.minus(take);
    }
  } else {
    const available = s.lots.reduce((a, l) => a.plus(l.remaining), ZERO);
    const take = D.min(amount, available);
    const merged = new Map<string | null, Lot>();
    if (!available.isZero()) {
      for (const lot of s.lots) {
        const part = take.times(lot.remaining).div(available);
        lot.remaining = lot.remaining.minus(part);
        const m = merged.get(lot.origin);
        if (m) {
          m.remaining = m.remaining.plus(part);
          m.hop = Math.min(m.hop, lot.hop);
        } else merged.set(lot.origin, { origin: lot.origin, remaining: part, hop: lot.hop });
      }
    }
    pieces.push(...merged.values());
    need = amount.minus(take);
    // Keep the account's own lots merged too, so long histories stay small.
    const kept = new Map<string | null, Lot>();
    for (const lot of s.lots) {
      const k = kept.get(lot.origin);
      if (k) {
        k.remaining = k.remaining.plus(lot.remaining);
        k.hop = Math.min(k.hop, lot.hop);
      } else kept.set(lot.origin, { ...lot });
    }
    s.lots = [...kept.values()];
  }
  s.lots = s.lots.filter((l) => !l.remaining.isZero());
  // More leaves than was known to be there: the rest came from funds outside the trace.
  if (need.greaterThan(0)) pieces.push({ origin: null, remaining: need, hop: INF });
  return pieces;
}
