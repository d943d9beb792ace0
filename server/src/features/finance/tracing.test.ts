import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Dec } from './money.ts';
import { type Model, type TraceResult, type Transfer, trace } from './tracing.ts';

const tx = (id: string, from: string | null, to: string, amount: string, at: number): Transfer => ({
  id,
  from,
  to,
  amount,
  at,
});

// Two victims pay into a collection account C; C layers 200 through mule M to exchange X.
// A transfer out of M at t=0.5 comes before any victim money arrived: it must carry none.
const GRAPH = [
  tx('early', 'M', 'Y', '50', 0.5),
  tx('p1', 'V1', 'C', '100', 1),
  tx('p2', 'V2', 'C', '300', 2),
  tx('c-m', 'C', 'M', '200', 3),
  tx('m-x', 'M', 'X', '150', 4),
];
const ORIGINS = new Map([
  ['p1', 'v1'],
  ['p2', 'v2'],
]);

function held(r: TraceResult): Record<string, Record<string, string>> {
  const o: Record<string, Record<string, string>> = {};
  for (const [acc, h] of r.accounts) {
    const m: Record<string, string> = {};
    for (const [k, v] of h.held) if (!v.isZero()) m[k] = v.toFixed();
    if (Object.keys(m).length > 0) o[acc] = m;
  }
  return o;
}

describe('tracing', () => {
  it('FIFO spends the oldest victim money first, across hops', () => {
    const r = trace(GRAPH, { model: 'fifo', origins: ORIGINS, maxHops: 6 });
    expect(held(r)).toEqual({ C: { v2: '200' }, M: { v2: '50' }, X: { v1: '100', v2: '50' } });
    expect(r.accounts.get('X')?.hop).toBe(3);
    expect(r.transfers.map((t) => t.id)).toEqual(['p1', 'p2', 'c-m', 'm-x']);
  });

  it('proportional (haircut) carries the mix of each account', () => {
    const r = trace(GRAPH, { model: 'proportional', origins: ORIGINS, maxHops: 6 });
    expect(held(r)).toEqual({
      C: { v1: '50', v2: '150' },
      M: { v1: '12.5', v2: '37.5' },
      X: { v1: '37.5', v2: '112.5' },
    });
  });

  it('poison taints everything a tainted account sends', () => {
    const graph = [...GRAPH.slice(1), tx('clean-in', 'Z', 'M', '100', 3.5), tx('m-x2', 'M', 'X', '150', 5)];
    const r = trace(graph, { model: 'poison', origins: ORIGINS, maxHops: 6 });
    // M received 200 tainted and 100 clean, sent 300: all of it counts as tainted under poison.
    const mx2 = r.transfers.find((t) => t.id === 'm-x2');
    expect(mx2?.traced.get('v1')?.toFixed()).toBe('37.5');
    expect(mx2?.traced.get('v2')?.toFixed()).toBe('112.5');
    expect(held(r).X).toEqual({ v1: '75', v2: '225' });
    expect(held(r).M).toBeUndefined();
  });

  it('funds cannot leave before they arrive, whatever the input order', () => {
    const reversed = [...GRAPH].reverse();
    for (const model of ['fifo', 'proportional'] as Model[]) {
      const a = held(trace(GRAPH, { model, origins: ORIGINS, maxHops: 6 }));
      expect(held(trace(reversed, { model, origins: ORIGINS, maxHops: 6 }))).toEqual(a);
    }
    const r = trace(GRAPH, { model: 'fifo', origins: ORIGINS, maxHops: 6 });
    expect(r.accounts.has('Y')).toBe(false);
  });

  it('stops at the hop horizon and reports what reached it as sitting there', () => {
    const r = trace(GRAPH, { model: 'fifo', origins: ORIGINS, maxHops: 2 });
    expect(held(r)).toEqual({ C: { v2: '200' }, M: { v1: '100', v2: '100' } });
    expect(r.accounts.get('M')?.horizon).toBe(true);
    expect(r.accounts.has('X')).toBe(false);
  });

  it('follows money round a cycle without counting it twice', () => {
    const cycle = [
      tx('p', 'V', 'A', '100', 1),
      tx('a-b', 'A', 'B', '100', 2),
      tx('b-a', 'B', 'A', '60', 3),
      tx('a-b2', 'A', 'B', '60', 4),
      tx('b-c', 'B', 'C', '30', 5),
    ];
    for (const model of ['fifo', 'proportional'] as Model[]) {
      const r = trace(cycle, { model, origins: new Map([['p', 'v']]), maxHops: 10 });
      expect(held(r)).toEqual({ B: { v: '70' }, C: { v: '30' } });
      expect(r.accounts.get('B')?.hop).toBe(2);
    }
  });

  it('splits and merges: two paths into one exchange add up', () => {
    const g = [
      tx('p', 'V', 'C', '1000', 1),
      tx('c-m1', 'C', 'M1', '400', 2),
      tx('c-m2', 'C', 'M2', '600', 2),
      tx('m1-x', 'M1', 'X', '400', 3),
      tx('m2-x', 'M2', 'X', '550', 4),
    ];
    const r = trace(g, { model: 'fifo', origins: new Map([['p', 'v']]), maxHops: 6 });
    expect(held(r)).toEqual({ M2: { v: '50' }, X: { v: '950' } });
    expect(r.accounts.get('X')?.received.toFixed()).toBe('950');
  });

  it('mixes clean money in: only the victim share leaves under haircut', () => {
    const g = [tx('clean', 'Z', 'M', '300', 0), tx('p', 'V', 'M', '100', 1), tx('out', 'M', 'X', '200', 2)];
    const fifo = held(trace(g, { model: 'fifo', origins: new Map([['p', 'v']]), maxHops: 6 }));
    expect(fifo).toEqual({ M: { v: '100' } });
    const hc = held(trace(g, { model: 'proportional', origins: new Map([['p', 'v']]), maxHops: 6 }));
    expect(hc).toEqual({ M: { v: '50' }, X: { v: '50' } });
  });

  it('conserves victim money under FIFO and haircut on random graphs', () => {
    const accounts = ['A', 'B', 'C', 'D', 'E'];
    const arb = fc.array(
      fc.record({
        from: fc.constantFrom(...accounts),
        to: fc.constantFrom(...accounts),
        cents: fc.integer({ min: 1, max: 1_000_000 }),
        at: fc.integer({ min: 0, max: 50 }),
        victim: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom<Model>('fifo', 'proportional'), (rows, model) => {
        const transfers = rows.map((r, i) =>
          tx(`t${i}`, r.victim ? `V${i}` : r.from, r.to, (r.cents / 100).toFixed(2), r.at),
        );
        const origins = new Map(rows.flatMap((r, i) => (r.victim ? [[`t${i}`, `v${i}`] as const] : [])));
        const res = trace(transfers, { model, origins, maxHops: 1000 });
        let total = new D(0);
        for (const h of res.accounts.values()) for (const v of h.held.values()) total = total.plus(v);
        const paid = rows.reduce((a, r) => (r.victim ? a + r.cents : a), 0);
        expect(total.toDecimalPlaces(12).toFixed()).toBe(new D(paid).div(100).toFixed());
        for (const t of res.transfers) {
          let traced = new D(0);
          for (const v of t.traced.values()) traced = traced.plus(v);
          expect(traced.lte(t.amount.plus('1e-30'))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same result from an opening state as from the untraced history before the first origin', () => {
    // What FinanceRepository.openings computes in SQL: per account, the balance (in minus out)
    // and the funds known to be there (the running balance reflected at zero).
    const accounts = ['A', 'B', 'C', 'D'];
    const arb = fc.array(
      fc.record({
        from: fc.option(fc.constantFrom(...accounts), { nil: null }),
        to: fc.constantFrom(...accounts),
        cents: fc.integer({ min: 1, max: 100_000 }),
        at: fc.integer({ min: 0, max: 30 }),
        victim: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom<Model>('fifo', 'proportional', 'poison'), (rows, model) => {
        const transfers = rows.map((r, i) => tx(`t${i}`, r.from, r.to, (r.cents / 100).toFixed(2), r.at));
        const origins = new Map(rows.flatMap((r, i) => (r.victim ? [[`t${i}`, `v${i}`] as const] : [])));
        if (origins.size === 0) return;
        const t0 = Math.min(...rows.flatMap((r) => (r.victim ? [r.at] : [])));
        const full = trace(transfers, { model, origins, maxHops: 4 });
        const ordered = transfers.map((t, i) => ({ t, i })).sort((a, b) => a.t.at - b.t.at || a.i - b.i);
        const run = new Map<string, { s: Dec; low: Dec }>();
        const leg = (acc: string, delta: Dec) => {
          const r = run.get(acc) ?? { s: new D(0), low: new D(0) };
          r.s = r.s.plus(delta);
          r.low = D.min(r.low, r.s);
          run.set(acc, r);
        };
        for (const { t } of ordered) {
          if (t.at >= t0) continue;
          if (t.from) leg(t.from, new D(t.amount).neg());
          leg(t.to, new D(t.amount));
        }
        const opening = new Map(
          [...run].map(([acc, r]) => [acc, { balance: r.s.toFixed(), funds: r.s.minus(r.low).toFixed() }]),
        );
        const pruned = trace(
          transfers.filter((t) => t.at >= t0),
          { model, origins, maxHops: 4, opening },
        );
        const view = (r: TraceResult) =>
          [...r.accounts.values()]
            .map(
              (h) =>
                `${h.account}:${h.hop}:${h.received.toFixed(20)}:${h.sent.toFixed(20)}:${[...h.held]
                  .map(([k, v]) => `${k}=${v.toFixed(20)}`)
                  .sort()
                  .join(',')}`,
            )
            .sort();
        expect(view(pruned)).toEqual(view(full));
      }),
      { numRuns: 300 },
    );
  });
});
