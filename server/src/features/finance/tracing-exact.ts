import { D, type Dec } from './money.ts';
import type { Holding, TracedTransfer, TraceOptions, TraceResult, Transfer } from './tracing.ts';

/**
 * The FIFO model of `trace` (tracing.ts) in exact scaled integers (BigInt units of 10^-scale),
 * for speed on long histories. FIFO only adds, subtracts and compares amounts, so when every
 * value the replay can reach has at most 60 significant digits (decimal.js's precision in
 * money.ts, checked here: the sum of all amounts and openings below 10^60 units) decimal.js
 * computes each of them exactly too, and the two give the same result; otherwise this returns
 * null and the caller replays with decimal.js.
 *
 * Lots are kept the same way as in tracing.ts (unspent funds in arrival order), except that
 * consecutive lots of the same origin and hop are merged and spent lots are dropped from the
 * front: FIFO spends them alike, so nothing observable changes (tracing-exact.test.ts compares
 * the two on random graphs), and a busy account's thousands of clean lots stay one.
 */

const INF = Number.POSITIVE_INFINITY;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Beyond this many units, decimal.js (60 significant digits) may round: not exact, fall back. */
const LIMIT = 10n ** 60n;

interface Lot {
  origin: string | null;
  units: bigint;
  hop: number;
}

interface State {
  lots: Lot[];
  /** Index of the first unspent lot. */
  head: number;
  hop: number;
}

interface ExactHolding {
  account: string;
  hop: number;
  received: bigint;
  sent: bigint;
  held: Map<string, bigint>;
}

interface ExactTransfer {
  t: Transfer;
  hop: number;
  traced: Map<string, bigint>;
}

const fractionDigits = (s: string) => {
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
};

/** A plain decimal string as units at `scale` (at least its own decimals), or null if not plain. */
function toUnits(s: string, scale: number): bigint | null {
  if (!NUMBER.test(s)) return null;
  const dot = s.indexOf('.');
  if (dot === -1) return BigInt(scale === 0 ? s : s + '0'.repeat(scale));
  const frac = s.length - dot - 1;
  return BigInt(s.slice(0, dot) + s.slice(dot + 1) + (frac < scale ? '0'.repeat(scale - frac) : ''));
}

/** Units back as a decimal, built from its digits (no arithmetic, so no rounding). */
function toDec(u: bigint, scale: number): Dec {
  if (scale === 0) return new D(u.toString());
  const neg = u < 0n;
  const digits = (neg ? -u : u).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return new D(`${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

const abs = (u: bigint) => (u < 0n ? -u : u);
const addTo = (m: Map<string, bigint>, k: string, v: bigint) => {
  if (v !== 0n) m.set(k, (m.get(k) ?? 0n) + v);
};
const total = (m: ReadonlyMap<string, bigint>) => {
  let s = 0n;
  for (const v of m.values()) s += v;
  return s;
};

/** Appends a lot, merged into the last one when it has the same origin and hop. */
function push(s: State, origin: string | null, units: bigint, hop: number) {
  if (units === 0n) return;
  const last = s.lots.length > s.head ? s.lots[s.lots.length - 1] : undefined;
  if (last && last.origin === origin && last.hop === hop) last.units += units;
  else s.lots.push({ origin, units, hop });
}

/** Drops the spent lots from the front once they are most of the array. */
function compact(s: State) {
  if (s.head > 64 && s.head * 2 > s.lots.length) {
    s.lots = s.lots.slice(s.head);
    s.head = 0;
  }
}

/** FIFO spend: the pieces `amount` carries out of the account, in order (tracing.ts `spend`). */
function spend(s: State, amount: bigint): Lot[] {
  const pieces: Lot[] = [];
  let need = amount;
  while (need > 0n && s.head < s.lots.length) {
    const lot = s.lots[s.head]!;
    // biome-ignore lint/complexity/useMathMinMax: Math.min does not take BigInts.
    const take = need < lot.units ? need : lot.units;
    pieces.push({ origin: lot.origin, units: take, hop: lot.hop });
    lot.units -= take;
    need -= take;
    if (lot.units === 0n) s.head++;
  }
  compact(s);
  if (need > 0n) pieces.push({ origin: null, units: need, hop: INF });
  return pieces;
}

/** The same spend when what it carries does not matter (it leaves clean): only the lots change. */
function consume(s: State, amount: bigint) {
  let need = amount;
  while (need > 0n && s.head < s.lots.length) {
    const lot = s.lots[s.head]!;
    if (need < lot.units) {
      lot.units -= need;
      need = 0n;
    } else {
      need -= lot.units;
      lot.units = 0n;
      s.head++;
    }
  }
  compact(s);
}

/**
 * `trace` under FIFO in scaled integers; the same result as tracing.ts's decimal replay, or null
 * when an amount is not a plain decimal or the values could exceed 60 significant digits.
 * `transfers` must already be in time order (inTimeOrder).
 */
export function traceFifoExact(ordered: readonly Transfer[], options: TraceOptions): TraceResult | null {
  const { origins, maxHops } = options;
  let scale = 0;
  for (const t of ordered) scale = Math.max(scale, fractionDigits(t.amount));
  for (const o of options.opening?.values() ?? []) {
    scale = Math.max(scale, fractionDigits(o.balance), fractionDigits(o.funds));
  }
  const amounts: bigint[] = new Array(ordered.length);
  let sum = 0n;
  for (let i = 0; i < ordered.length; i++) {
    const u = toUnits(ordered[i]!.amount, scale);
    if (u === null) return null;
    amounts[i] = u;
    sum += abs(u);
  }
  const funds = new Map<string, bigint>();
  for (const [acc, o] of options.opening ?? []) {
    const b = toUnits(o.balance, scale);
    const f = toUnits(o.funds, scale);
    if (b === null || f === null) return null;
    sum += abs(b) + abs(f);
    funds.set(acc, f);
  }
  if (sum >= LIMIT) return null;

  const states = new Map<string, State>();
  const state = (acc: string) => {
    let s = states.get(acc);
    if (!s) {
      const f = funds.get(acc) ?? 0n;
      s = { lots: f > 0n ? [{ origin: null, units: f, hop: INF }] : [], head: 0, hop: INF };
      states.set(acc, s);
    }
    return s;
  };
  const holdings = new Map<string, ExactHolding>();
  const out: ExactTransfer[] = [];

  for (let i = 0; i < ordered.length; i++) {
    const t = ordered[i]!;
    const amount = amounts[i]!;
    const origin = origins.get(t.id);
    // What the transfer carries; null: all of it clean. An origin, or a sender at the horizon or
    // never reached by traced funds (hop ∞), carries no traced funds of the sender: its lots are
    // only spent (tracing.ts computes the pieces, then replaces them).
    let pieces: Lot[] | null = null;
    if (t.from !== null) {
      const src = state(t.from);
      if (origin === undefined && src.hop < maxHops) pieces = spend(src, amount);
      else consume(src, amount);
    }
    if (origin !== undefined) pieces = [{ origin, units: amount, hop: 0 }];
    const dst = state(t.to);
    if (pieces === null) {
      push(dst, null, amount, INF);
      continue;
    }
    let traced: Map<string, bigint> | null = null;
    let hop = INF;
    for (const p of pieces) {
      // A piece that travelled h transfers arrives here after h + 1.
      const arrived = p.origin === null ? INF : p.hop + 1;
      if (p.origin !== null) {
        if (p.units !== 0n) {
          traced ??= new Map();
          addTo(traced, p.origin, p.units);
        }
        hop = Math.min(hop, arrived);
      }
      push(dst, p.origin, p.units, arrived);
    }
    if (traced === null) continue;
    const moved = total(traced);
    if (t.from !== null) {
      const h = holdings.get(t.from);
      if (h) h.sent += moved;
    }
    dst.hop = Math.min(dst.hop, hop);
    let h = holdings.get(t.to);
    if (!h) {
      h = { account: t.to, hop, received: 0n, sent: 0n, held: new Map() };
      holdings.set(t.to, h);
    }
    h.hop = Math.min(h.hop, hop);
    h.received += moved;
    out.push({ t, hop, traced });
  }

  const into = new Map<string, ExactTransfer[]>();
  for (const e of out) {
    const list = into.get(e.t.to);
    if (list) list.push(e);
    else into.set(e.t.to, [e]);
  }
  const dec = (u: bigint) => toDec(u, scale);
  const decMap = (m: ReadonlyMap<string, bigint>) => new Map([...m].map(([k, v]) => [k, dec(v)]));
  const accounts = new Map<string, Holding>();
  for (const [acc, h] of holdings) {
    const s = states.get(acc)!;
    const horizon = s.hop >= maxHops;
    if (horizon) {
      // Not followed further: what reached the horizon is reported as sitting there.
      for (const e of into.get(acc) ?? []) for (const [k, v] of e.traced) addTo(h.held, k, v);
      h.sent = 0n;
    } else {
      for (let i = s.head; i < s.lots.length; i++) {
        const lot = s.lots[i]!;
        if (lot.origin !== null) addTo(h.held, lot.origin, lot.units);
      }
    }
    accounts.set(acc, {
      account: acc,
      hop: h.hop,
      received: dec(h.received),
      sent: dec(h.sent),
      held: decMap(h.held),
      horizon,
    });
  }
  const transfers: TracedTransfer[] = out.map((e) => ({
    id: e.t.id,
    from: e.t.from,
    to: e.t.to,
    at: e.t.at,
    amount: new D(e.t.amount),
    hop: e.hop,
    traced: decMap(e.traced),
  }));
  return { model: 'fifo', transfers, accounts };
}
