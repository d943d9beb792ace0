import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from './imei.ts';
import { normalise, selectorTables } from './testkit.ts';

// 49-015420-323751-8 and 35-209900-176148-1 are the usual published example IMEIs.
selectorTables('imei', {
  valid: [
    ['490154203237518', 'imei:490154203237518'],
    ['49-015420-323751-8', 'imei:490154203237518'],
    ['IMEI: 49 015420 323751 8', 'imei:490154203237518'],
    ['352099001761481', 'imei:352099001761481'],
    ['4901542032375100', 'imei:490154203237518'],
    ['IMEISV 35-209900-176148-23', 'imei:352099001761481'],
  ],
  invalid: [
    ['490154203237519', /check digit is wrong/],
    ['49015420323751', /15 digits \(or 16 for IMEISV\), not 14/],
    ['4901542032375A8', /only digits/],
    ['1234', /15 digits/],
    ['49015420323751812', /not 17/],
  ],
  same: [['490154203237518', '49-015420-323751-8', 'IMEI 490154203237518', '4901542032375100', '4901542032375123']],
  different: [['490154203237518', '352099001761481']],
});

describe('imei details', () => {
  it('keeps the TAC and the IMEISV software version', () => {
    const result = normalise('imei', '4901542032375123');
    expect(result.ok && result.selector.details).toEqual({ tac: '49015420', svn: '23' });
    expect(result.ok && result.selector.display).toBe('49-015420-323751-8');
  });

  it('computes Luhn check digits', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(luhnCheckDigit('35209900176148')).toBe(1);
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});
