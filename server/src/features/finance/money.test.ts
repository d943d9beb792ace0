import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyScale, D, parseAmount, splitProRata } from './money.ts';

describe('money', () => {
  it('knows each currency and token scale', () => {
    expect([currencyScale('USD'), currencyScale('JPY'), currencyScale('KWD')]).toEqual([2, 0, 3]);
    expect([currencyScale('USDT'), currencyScale('BTC'), currencyScale('ETH')]).toEqual([6, 8, 18]);
    expect(currencyScale('XYZ')).toBeNull();
    expect(currencyScale('usd')).toBeNull();
  });

  it('refuses bad amounts with a reason', () => {
    expect(parseAmount('10.123', 'USD')).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 2/) });
    expect(parseAmount('0.1234567', 'USDT')).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 6/) });
    expect(parseAmount('-5', 'USD')).toMatchObject({ ok: false, reason: expect.stringMatching(/negative/) });
    expect(parseAmount('1e3', 'USD').ok).toBe(false);
    expect(parseAmount(12.5, 'USD').ok).toBe(false);
    expect(parseAmount('0', 'USD').ok).toBe(false);
    expect(parseAmount('5', 'ABC')).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown currency/) });
    expect(parseAmount('1.000000000000000001', 'ETH')).toEqual({ ok: true, value: '1.000000000000000001' });
    expect(parseAmount('10.500', 'USD')).toEqual({ ok: true, value: '10.5' });
  });

  it('splits pro rata with the largest remainder: parts sum exactly', () => {
    expect(splitProRata('100', ['1', '1', '1'], 2)).toEqual(['33.34', '33.33', '33.33']);
    expect(splitProRata('0.000001', ['1', '1'], 6)).toEqual(['0.000001', '0']);
    expect(splitProRata('10', ['0', '3', '1'], 0)).toEqual(['0', '8', '2']);
    expect(splitProRata('0', ['1', '2'], 2)).toEqual(['0', '0']);
  });

  it('splits exactly for any total and weights (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 30 }),
        (units, scale, ws) => {
          const weights = ws.some((w) => w > 0n) ? ws.map(String) : ['1', ...ws.map(String)];
          const total = new D(units.toString()).div(new D(10).pow(scale)).toFixed();
          const parts = splitProRata(total, weights, scale);
          const s = parts.reduce((a, p) => a.plus(p), new D(0));
          expect(s.toFixed()).toBe(new D(total).toFixed());
          const wsum = weights.reduce((a, w) => a.plus(w), new D(0));
          parts.forEach((p, i) => {
            expect(new D(p).decimalPlaces()).toBeLessThanOrEqual(scale);
            const exact = new D(total).times(weights[i]!).div(wsum);
            expect(new D(p).minus(exact).abs().lt(new D(10).pow(-scale))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
