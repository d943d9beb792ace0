import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('passport', {
  valid: [
    [{ value: 'aa 123-4567', country: 'th' }, 'passport:TH:AA1234567'],
    [{ value: 'MA1234567', country: 'MM' }, 'passport:MM:MA1234567'],
    [{ value: 'P1234567A', country: 'PH' }, 'passport:PH:P1234567A'],
    [{ value: 'N01234567', country: 'KH' }, 'passport:KH:N01234567'],
  ],
  invalid: [
    [{ value: 'AA1234567' }, /a passport number needs a country/],
    [{ value: 'AA1234567', country: 'XX' }, /unknown country code 'XX'/],
    [{ value: 'A12', country: 'TH' }, /5–20 letters and digits/],
    [{ value: 'AB#12345', country: 'TH' }, /5–20 letters and digits/],
    [{ value: 'UNKNOWN', country: 'TH' }, /contains no digit/],
  ],
  same: [
    [
      { value: 'AA1234567', country: 'TH' },
      { value: 'aa1234567', country: 'th' },
      { value: 'AA 123 4567', country: 'TH' },
    ],
  ],
  different: [
    [
      { value: 'AA1234567', country: 'TH' },
      { value: 'AA1234567', country: 'MM' },
      { value: 'AA1234568', country: 'TH' },
    ],
  ],
});

selectorTables('national-id', {
  valid: [[{ value: '1-2345-67890-12-3', country: 'TH' }, 'national-id:TH:1234567890123']],
  invalid: [[{ value: '123', country: 'TH' }, /4–30 letters and digits/]],
});

selectorTables('company-registration', {
  valid: [
    [{ value: '0105561234567', country: 'TH' }, 'company-registration:TH:0105561234567'],
    [{ value: 'sc 123456', country: 'GB' }, 'company-registration:GB:SC123456'],
  ],
  invalid: [[{ value: '12345' }, /a company registration number needs a country/]],
});

describe('document kinds', () => {
  it('keeps the same number apart across document kinds', () => {
    const keys = (['passport', 'national-id', 'company-registration'] as const).map((kind) => {
      const result = normalise(kind, { value: 'AB12345', country: 'TH' });
      return result.ok ? result.selector.key : result.reason;
    });
    expect(keys).toEqual(['passport:TH:AB12345', 'national-id:TH:AB12345', 'company-registration:TH:AB12345']);
  });
});
