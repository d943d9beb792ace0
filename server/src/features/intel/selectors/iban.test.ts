import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

// Example IBANs from the ibantools documentation and the SWIFT IBAN registry.
selectorTables('iban', {
  valid: [
    ['NL91ABNA0417164300', 'iban:NL91ABNA0417164300'],
    ['DE89 3704 0044 0532 0130 00', 'iban:DE89370400440532013000'],
    ['gb29 nwbk 6016 1331 9268 19', 'iban:GB29NWBK60161331926819'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'iban:FR1420041010050500013M02606'],
    ['CH93 0076 2011 6238 5295 7', 'iban:CH9300762011623852957'],
    ['IBAN: DE89-3704-0044-0532-0130-00', 'iban:DE89370400440532013000'],
  ],
  invalid: [
    ['NL91ABNA0417164301', /wrong check digits \(mod-97\)/],
    ['DE8937040044053201300', /wrong length for the country/],
    ['XX89370400440532013000', /unknown IBAN country/],
    ['TH12 3456 7890 1234', /unknown IBAN country/],
    ['not an iban', /not an IBAN/],
    ['DE89 3704 0044 0532 0130 0!', /not an IBAN/],
  ],
  same: [['DE89 3704 0044 0532 0130 00', 'de89370400440532013000', 'IBAN DE89-3704-0044-0532-0130-00']],
  different: [['DE89370400440532013000', 'NL91ABNA0417164300', 'GB29NWBK60161331926819']],
});

describe('iban details', () => {
  it('splits country, BBAN and bank, and prints in groups of four', () => {
    const result = normalise('iban', 'de89370400440532013000');
    expect(result.ok && result.selector.display).toBe('DE89 3704 0044 0532 0130 00');
    expect(result.ok && result.selector.details).toEqual({
      country: 'DE',
      bban: '370400440532013000',
      bank: '37040044',
      account: '0532013000',
    });
  });
});
