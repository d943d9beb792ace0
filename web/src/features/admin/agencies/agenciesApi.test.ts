import { describe, expect, it } from 'vitest';
import { matchesSearch } from './agenciesApi.ts';

describe('matchesSearch', () => {
  it('matches every word, ignoring case and accents', () => {
    expect(matchesSearch('Policía Nacional ES Spain police', 'policia spain')).toBe(true);
    expect(matchesSearch('Policía Nacional ES Spain police', 'policia france')).toBe(false);
    expect(matchesSearch('anything', '   ')).toBe(true);
  });
});
