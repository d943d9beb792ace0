import { describe, expect, it } from 'vitest';
import { parseRatesCsv } from './ratesCsv.ts';

describe('rates CSV', () => {
  it('reads rates under header aliases, upper-casing the code, and names the lines it cannot read', () => {
    const r = parseRatesCsv(
      '\uFEFFToken, Date ,Rate\r\nusdt,2026-01-01,0.9998\n\nBTC,01/02/2026,90000\nETH,2026-02-01,\n',
    );
    expect(r.rows).toEqual([{ currency: 'USDT', validFrom: '2026-01-01', usd: '0.9998' }]);
    expect(r.bad).toEqual([4, 5]);
  });

  it('refuses every line when a column is missing', () => {
    expect(parseRatesCsv('currency,usd\nUSDT,1\n')).toEqual({ rows: [], bad: [2] });
  });
});
