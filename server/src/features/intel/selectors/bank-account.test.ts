import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('bank-account', {
  valid: [
    [{ value: '123-4-56789-0', country: 'TH', bank: 'KASITHBKXXX' }, 'bank-account:TH:KASITHBK:1234567890'],
    [{ value: '1234567890', country: 'TH' }, 'bank-account:TH:-:1234567890'],
    [{ value: '1234567890', country: 'TH', bank: '004' }, 'bank-account:TH:004:1234567890'],
    [{ value: '0123 456 789', country: 'KH', bank: 'ABAAKHPP' }, 'bank-account:KH:ABAAKHPP:0123456789'],
    [{ value: '1234567890', country: 'TH', bank: 'BKKBTHBK101' }, 'bank-account:TH:BKKBTHBK101:1234567890'],
    [{ value: 'DE89 3704 0044 0532 0130 00' }, 'iban:DE89370400440532013000'],
    [{ value: 'de89370400440532013000', country: 'TH' }, 'iban:DE89370400440532013000'],
  ],
  invalid: [
    [{ value: '1234567890' }, /needs a country/],
    [{ value: '1234567890', country: 'Thailand' }, /unknown country code 'Thailand'/],
    [{ value: '12', country: 'TH' }, /invalid account number/],
    [{ value: '1234#567890', country: 'TH' }, /invalid account number/],
    [{ value: '1234567890', country: 'TH', bank: 'KASIMYBK' }, /belongs to MY, not TH/],
    [{ value: '1234567890', country: 'TH', bank: 'KA$I' }, /invalid bank code/],
    [{ value: '1234567890', country: 'TH', bank: 'KASIZZBK' }, /invalid BIC/],
    [{ value: 'DE89 3704 0044 0532 0130 01', country: 'DE' }, /not a valid IBAN: wrong check digits/],
  ],
  same: [
    [
      { value: '123-4-56789-0', country: 'TH', bank: 'KASITHBK' },
      { value: '1234567890', country: 'th', bank: 'kasithbkxxx' },
      { value: '123 4 56789 0', country: 'TH', bank: 'KASI TH BK' },
    ],
    [{ value: 'DE89 3704 0044 0532 0130 00', country: 'DE', bank: 'COBADEFFXXX' }, { value: 'DE89370400440532013000' }],
  ],
  different: [
    [
      { value: '1234567890', country: 'TH' },
      { value: '1234567890', country: 'TH', bank: 'KASITHBK' },
      { value: '1234567890', country: 'TH', bank: 'BKKBTHBK' },
      { value: '1234567890', country: 'KH' },
      { value: '1234567891', country: 'TH', bank: 'KASITHBK' },
    ],
  ],
});

describe('bank-account details', () => {
  it('records the country, account and BIC', () => {
    const result = normalise('bank-account', { value: '123-4-56789-0', country: 'TH', bank: 'KASITHBKXXX' });
    expect(result.ok && result.selector.details).toEqual({ country: 'TH', account: '1234567890', bic: 'KASITHBK' });
    expect(result.ok && result.selector.display).toBe('1234567890 (KASITHBK, TH)');
  });

  it('returns an IBAN selector when the account number is an IBAN', () => {
    const result = normalise('bank-account', { value: 'NL91 ABNA 0417 1643 00', country: 'NL' });
    expect(result.ok && result.selector.kind).toBe('iban');
  });
});
