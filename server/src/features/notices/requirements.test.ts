import { describe, expect, it } from 'vitest';
import { checkDetails, checkPublicExtract, searchTextOf } from './requirements.ts';

const person = { name: 'Li Wei', nationalities: ['CN'] };

describe('notice requirements per type', () => {
  it('names each missing required field of a submitted notice, not of a draft', () => {
    expect(checkDetails('red', { subject: person, charges: 'Trafficking in persons' }, { complete: true })).toEqual([
      { field: 'details.warrantReference', message: 'required for a red notice' },
      { field: 'details.issuingAuthority', message: 'required for a red notice' },
    ]);
    expect(checkDetails('red', { subject: person, charges: 'Trafficking in persons' }, { complete: false })).toEqual(
      [],
    );
  });
  it('checks nested fields and refuses fields of another type', () => {
    const errors = checkDetails('yellow', { subject: { name: 'A' }, warrantReference: 'X' }, { complete: false });
    expect(errors.map((e) => e.field).sort()).toEqual(['details.subject.name', 'details.warrantReference']);
  });
  it('accepts a complete purple notice', () => {
    expect(
      checkDetails(
        'purple',
        {
          modusOperandi: 'Fake job ads',
          methods: 'Telegram recruiters',
          objects: ['SIM boxes'],
          concealment: 'Hidden in casinos',
        },
        { complete: true },
      ),
    ).toEqual([]);
  });
  it('allows public extracts for purple, and yellow only with consent', () => {
    expect(checkPublicExtract('purple', 'Beware fake job ads on Telegram', {})).toEqual([]);
    expect(checkPublicExtract('red', 'Wanted man', {})).toHaveLength(1);
    expect(checkPublicExtract('yellow', 'Missing since March', { familyConsent: false })).toHaveLength(1);
    expect(checkPublicExtract('yellow', 'Missing since March', { familyConsent: true })).toEqual([]);
  });
  it('collects searchable text from nested details', () => {
    expect(searchTextOf('T', 'S', { subject: { name: 'Li WEI', aliases: ['Boss'] } })).toBe('t s li wei boss');
  });
});
