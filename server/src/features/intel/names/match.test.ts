import { describe, expect, it } from 'vitest';
import { matchPersons, type PersonFacts, THRESHOLDS, verdictFor } from './index.ts';

const somchai: PersonFacts = {
  names: ['Somchai Wattana'],
  dateOfBirth: '1991-04-02',
  nationalities: ['TH'],
  gender: 'male',
};

describe('matchPersons: score and verdict', () => {
  it('documents its thresholds', () => {
    expect(THRESHOLDS).toEqual({ strong: 0.9, possible: 0.75, weak: 0.6 });
    expect([0.95, 0.9, 0.8, 0.75, 0.7, 0.6, 0.59].map(verdictFor)).toEqual([
      'strong',
      'strong',
      'possible',
      'possible',
      'weak',
      'weak',
      'no-match',
    ]);
  });

  it('finds the same person written in Thai, with every fact agreeing', () => {
    const m = matchPersons(somchai, { ...somchai, names: ['สมชาย วัฒนา'] });
    expect(m.verdict).toBe('strong');
    expect(m.bestNamePair).toEqual(['Somchai Wattana', 'สมชาย วัฒนา']);
    expect(m.reasons).toContain('same date of birth 1991-04-02');
    expect(m.reasons).toContain('nationality TH in both');
    expect(m.reasons).toContain('same gender (male)');
    expect(m.reasons[0]).toMatch(
      /^names match after transliteration: "somchai wattana" ~ "smchay wathna" \(0\.\d\d\)$/,
    );
    expect(m.conflicts).toEqual([]);
  });

  it('hits on an alias and says so', () => {
    const recruiter: PersonFacts = { names: ['Tony Lim', 'Сомчай Ваттана'], nationalities: ['TH'] };
    const m = matchPersons(somchai, recruiter);
    expect(m.verdict).toBe('strong');
    expect(m.bestNamePair).toEqual(['Somchai Wattana', 'Сомчай Ваттана']);
    expect(m.reasons).toContain('matched on alias #1 of the second person: "Сомчай Ваттана"');
  });

  it('caps the verdict at weak when full dates of birth are years apart', () => {
    const m = matchPersons(somchai, { ...somchai, names: ['WATTANA, Somchai'], dateOfBirth: '1978-11-30' });
    expect(m.verdict).toBe('weak');
    expect(m.score).toBeLessThan(THRESHOLDS.possible);
    expect(m.conflicts).toContain('dates of birth 1991-04-02 and 1978-11-30 are incompatible');
    expect(m.reasons).toContain('"WATTANA, Somchai" read as surname-first: "somchai wattana"');
  });

  it('penalises but does not cap a year-only birth date far apart', () => {
    const m = matchPersons(somchai, { names: ['Somchai Wattana'], dateOfBirth: '1978' });
    expect(m.conflicts).toContain('years of birth 1991 and 1978 differ by 13 years');
    expect(m.verdict).toBe('possible');
  });

  it.each([
    ['1991-04-02', 'same date of birth 1991-04-02'],
    ['1991-02-04', 'dates of birth 1991-04-02 and 1991-02-04 match with day and month swapped'],
    ['1991-04', 'same year and month of birth 1991-04'],
    ['1991-04-20', 'same year and month of birth 1991-04, days differ'],
    ['1991', 'same year of birth 1991 (month unknown on one side)'],
    ['1991-09-09', 'same year of birth 1991, months differ'],
    ['1992-04-02', 'years of birth 1991 and 1992 are close'],
    ['not a date', 'birth date known on one side only'],
  ])('explains a date of birth %s against 1991-04-02', (dateOfBirth, reason) => {
    expect(matchPersons(somchai, { names: ['Somchai Wattana'], dateOfBirth }).reasons).toContain(reason);
  });

  it('orders date evidence: exact > same month > same year > other month > near year', () => {
    const score = (dateOfBirth: string) =>
      matchPersons(
        { names: ['Somchai Wattana'], dateOfBirth: '1991-04-02' },
        { names: ['Somchia Wattana'], dateOfBirth },
      ).score;
    const s = ['1991-04-02', '1991-04', '1991', '1991-09-09', '1993-04-02', '1999-04-02'].map(score);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThan(s[i - 1]!);
  });

  it('compares a known date with an estimated age, and two estimates', () => {
    const rescued: PersonFacts = { names: ['Somchai Wattana'], birthYearRange: [1988, 1994] };
    expect(matchPersons(somchai, rescued).reasons).toContain(
      'year of birth 1991 fits the estimated birth years 1988–1994',
    );
    const older: PersonFacts = { names: ['Somchai Wattana'], birthYearRange: [1960, 1970] };
    expect(matchPersons(somchai, older).conflicts).toContain(
      'year of birth 1991 is 21 years outside the estimated birth years 1960–1970',
    );
    expect(matchPersons(rescued, older).conflicts).toContain(
      'estimated years of birth 1988–1994 and 1960–1970 do not overlap',
    );
  });

  it('treats disjoint nationalities as a mild conflict, not a disqualification', () => {
    const m = matchPersons(somchai, { ...somchai, names: ['Somchia Wattana'], nationalities: ['MM', 'KH'] });
    expect(m.conflicts[0]).toMatch(/^nationalities differ: TH vs KH, MM/);
    expect(m.verdict).toBe('strong');
    const shared = matchPersons(somchai, { ...somchai, names: ['Somchia Wattana'], nationalities: ['mm', 'th'] });
    expect(shared.reasons).toContain('nationality TH in both');
    expect(shared.score).toBeGreaterThan(m.score);
  });

  it('counts a gender mismatch as a conflict, and unknown gender as nothing', () => {
    const m = matchPersons(somchai, { ...somchai, gender: 'female' });
    expect(m.conflicts).toContain('gender differs: male vs female');
    expect(m.score).toBeLessThan(matchPersons(somchai, somchai).score);
    expect(matchPersons(somchai, { ...somchai, gender: 'unknown' }).conflicts).toEqual([]);
  });

  it('lists differing name parts and parts present on one side only', () => {
    const m = matchPersons({ names: ['Wang Wei'] }, { names: ['Wang Fang'] });
    expect(m.verdict).toBe('no-match');
    expect(m.conflicts).toContain('names differ: "wang wei" ~ "wang fang" (0.50)');
    expect(m.conflicts).toContain('name parts "wei" and "fang" differ (0.00)');
    const middle = matchPersons({ names: ['Sergei Petrovich Ivanov'] }, { names: ['Ivanov Sergei'] });
    expect(middle.reasons).toContain('name part "petrovich" only in the first record');
    expect(middle.reasons).toContain('name parts are in a different order');
  });

  it('is deterministic and handles persons without names', () => {
    const other: PersonFacts = { names: ['สมชาย วัฒนา'], birthYearRange: [1990, 1992] };
    expect(matchPersons(somchai, other)).toEqual(matchPersons(somchai, other));
    const empty = matchPersons({ names: [] }, somchai);
    expect(empty).toMatchObject({ score: 0, verdict: 'no-match', bestNamePair: ['', 'Somchai Wattana'] });
  });
});
