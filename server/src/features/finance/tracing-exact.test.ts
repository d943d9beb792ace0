import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TraceOptions, type TraceResult, type Transfer, trace, traceDecimal } from './tracing.ts';
import { traceFifoExact } from './tracing-exact.ts';

/** Everything a trace result says, in its order (maps in insertion order, amounts as written). */
function view(r: TraceResult): string[] {
  const m = (x: ReadonlyMap<string, { toFixed(): string }>) => [...x].map(([k, v]) => `${k}=${v.toFixed()}`).join(',');
  return [
    ...r.transfers.map((t) => `T ${t.id} ${t.from} ${t.to} ${t.at} ${t.amount.toFixed()} ${t.hop} [${m(t.traced)}]`),
    ...[...r.accounts].map(
      ([k, h]) =>
        `A ${k} ${h.account} ${h.hop} ${h.received.toFixed()} ${h.sent.toFixed()} ${h.horizon} [${m(h.held)}]`,
    ),
  ];
}

const ACCOUNTS = ['A', 'B', 'C', 'D', 'E'];

/** An amount with up to `scale` decimals, written plainly (sometimes with trailing zeros, as numeric prints). */
const amount = (scale: number, allowZero: boolean) =>
  fc
    .tuple(
      fc.oneof(
        fc.bigInt({ min: allowZero ? 0n : 1n, max: 10n ** 12n }),
        // Small whole amounts, so that lots are often spent exactly to zero.
        fc.bigInt({ min: allowZero ? 0n : 1n, max: 4n }).map((u) => u * 10n ** BigInt(scale)),
      ),
      fc.boolean(),
    )
    .map(([u, pad]) => {
      const s = u.toString().padStart(scale + 1, '0');
      const plain = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
      return pad && scale > 0 ? plain : plain.replace(/\.?0+$/, '') || '0';
    });

const graph = fc.integer({ min: 0, max: 18 }).chain((scale) =>
  fc.record({
    rows: fc.array(
      fc.record({
        from: fc.option(fc.constantFrom(...ACCOUNTS), { nil: null, freq: 6 }),
        to: fc.constantFrom(...ACCOUNTS),
        amount: amount(scale, true),
        at: fc.integer({ min: 0, max: 40 }),
        origin: fc.option(fc.constantFrom('v1', 'v2', 'v3'), { nil: undefined, freq: 3 }),
      }),
      { minLength: 1, maxLength: 120 },
    ),
    opening: fc.array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS),
        balance: fc.tuple(fc.boolean(), amount(scale, true)).map(([neg, a]) => (neg && a !== '0' ? `-${a}` : a)),
        funds: amount(scale, true),
      }),
      { maxLength: 5 },
    ),
    maxHops: fc.integer({ min: 1, max: 7 }),
  }),
);

type Graph = typeof graph extends fc.Arbitrary<infer T> ? T : never;

function input(g: Graph): { transfers: Transfer[]; options: TraceOptions } {
  const transfers = g.rows.map(
    (r, i): Transfer => ({ id: `t${i}`, from: r.from, to: r.to, amount: r.amount, at: r.at }),
  );
  const origins = new Map(g.rows.flatMap((r, i) => (r.origin ? [[`t${i}`, r.origin] as const] : [])));
  const opening = new Map(g.opening.map((o) => [o.account, { balance: o.balance, funds: o.funds }]));
  return { transfers, options: { model: 'fifo', origins, maxHops: g.maxHops, opening } };
}

describe('tracing in exact integers (FIFO)', () => {
  it('gives exactly the decimal replay on random graphs (cycles, self transfers, openings, horizons, any scale)', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const { transfers, options } = input(g);
        const exact = traceFifoExact(
          [...transfers]
            .map((t, i) => ({ t, i }))
            .sort((a, b) => a.t.at - b.t.at || a.i - b.i)
            .map((e) => e.t),
          options,
        );
        expect(exact).not.toBeNull();
        expect(view(exact!)).toEqual(view(traceDecimal(transfers, options)));
        expect(view(trace(transfers, options))).toEqual(view(traceDecimal(transfers, options)));
      }),
      { numRuns: 1500 },
    );
  });

  it('stays equal over long histories of busy accounts (many lots merged and dropped)', () => {
    const busy = fc.array(
      fc.record({
        from: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null, freq: 3 }),
        to: fc.constantFrom('A', 'B', 'C'),
        cents: fc.integer({ min: 1, max: 500_000 }),
        victim: fc.integer({ min: 0, max: 19 }),
      }),
      { minLength: 200, maxLength: 600 },
    );
    fc.assert(
      fc.property(busy, fc.integer({ min: 2, max: 6 }), (rows, maxHops) => {
        const transfers = rows.map((r, i) => ({
          id: `t${i}`,
          from: r.from,
          to: r.to,
          amount: (r.cents / 100).toFixed(2),
          at: Math.floor(i / 3),
        }));
        const origins = new Map(rows.flatMap((r, i) => (r.victim === 0 ? [[`t${i}`, `v${i % 4}`] as const] : [])));
        const options: TraceOptions = { model: 'fifo', origins, maxHops };
        expect(view(trace(transfers, options))).toEqual(view(traceDecimal(transfers, options)));
      }),
      { numRuns: 150 },
    );
  });

  it('a hand-checked FIFO trace gives the same amounts on both paths', () => {
    const transfers: Transfer[] = [
      { id: 'p1', from: 'V1', to: 'C', amount: '100.5', at: 1 },
      { id: 'p2', from: 'V2', to: 'C', amount: '300', at: 2 },
      { id: 'c-m', from: 'C', to: 'M', amount: '200.000001', at: 3 },
    ];
    const options: TraceOptions = {
      model: 'fifo',
      origins: new Map([
        ['p1', 'v1'],
        ['p2', 'v2'],
      ]),
      maxHops: 6,
      opening: new Map([['C', { balance: '-7', funds: '0.25' }]]),
    };
    const r = trace(transfers, options);
    // C starts with 0.25 of unknown funds: 200.000001 out takes those, then 100.5 of v1, then 99.250001 of v2.
    expect(r.transfers.at(-1)?.traced.get('v1')?.toFixed()).toBe('100.5');
    expect(r.transfers.at(-1)?.traced.get('v2')?.toFixed()).toBe('99.250001');
    expect(r.accounts.get('C')?.held.get('v2')?.toFixed()).toBe('200.749999');
    expect(view(r)).toEqual(view(traceDecimal(transfers, options)));
  });

  it('leaves to decimal.js what it could not compute exactly as decimal.js does', () => {
    const huge = `9${'0'.repeat(60)}`;
    const transfers: Transfer[] = [
      { id: 'p', from: null, to: 'A', amount: huge, at: 1 },
      { id: 'x', from: 'A', to: 'B', amount: '1e3', at: 2 },
    ];
    const options: TraceOptions = { model: 'fifo', origins: new Map([['p', 'v']]), maxHops: 6 };
    expect(traceFifoExact([transfers[0]!], options)).toBeNull();
    expect(traceFifoExact(transfers.slice(1), options)).toBeNull();
    expect(view(trace(transfers, options))).toEqual(view(traceDecimal(transfers, options)));
  });
});
