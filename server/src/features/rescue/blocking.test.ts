import { describe, expect, it } from 'vitest';
import { blockingKeys, matchPersons, type PersonFacts } from '../intel/names/index.ts';
import { syntheticPairs } from '../intel/names/synthetic.ts';
import { birthYears, rescueBlockingKeys, ruledOutByBirth } from './blocking.ts';

const Y = 2026;
const meets = (a: PersonFacts, b: PersonFacts, nat = 'TH') => {
  const stored = new Set(rescueBlockingKeys(b, nat, Y).stored);
  return rescueBlockingKeys(a, nat, Y).probe.some((k) => stored.has(k));
};

describe('rescue blocking: name key + nationality + decade of birth', () => {
  it('stores one decade for a known year, the decades of an age range, or "unknown"', () => {
    expect(birthYears({ names: ['x'], dateOfBirth: '1991-04-02' })).toEqual([1991, 1991]);
    expect(birthYears({ names: ['x'], birthYearRange: [2001, 1999] })).toEqual([1999, 2001]);
    expect(birthYears({ names: ['x'], dateOfBirth: 'not a date' })).toBeUndefined();
    const k = rescueBlockingKeys({ names: ['Somchai Wattana'], dateOfBirth: '1991-04-02' }, 'TH', Y);
    expect(k.stored).toEqual(['TH|k:smc|P|d199', 'TH|k:wtn|K|d199', 'TH|s:smcwtn|d199']);
    expect(k.probe).toEqual(expect.arrayContaining(['TH|s:smcwtn|d198', 'TH|s:smcwtn|d199', 'TH|s:smcwtn|d?']));
    expect(k.probe).not.toContain('TH|s:smcwtn|d200');
    const range = rescueBlockingKeys({ names: ['Somchai Wattana'], birthYearRange: [1999, 2000] }, 'TH', Y);
    expect(range.stored).toContain('TH|s:smcwtn|d199');
    expect(range.stored).toContain('TH|s:smcwtn|d200');
    expect(rescueBlockingKeys({ names: ['Somchai Wattana'] }, 'TH', Y).stored).toEqual([
      'TH|k:smc|P|d?',
      'TH|k:wtn|K|d?',
      'TH|s:smcwtn|d?',
    ]);
  });

  it('keeps namesakes born decades apart out of each other’s candidates, but not across a decade boundary', () => {
    const a = { names: ['Nguyen Van An'], dateOfBirth: '1975-01-01' };
    expect(meets(a, { names: ['Nguyen Van An'], dateOfBirth: '1998-05-05' }, 'VN')).toBe(false);
    expect(meets(a, { names: ['Nguyen Van An'], dateOfBirth: '1977' }, 'VN')).toBe(true);
    const b = { names: ['Somchai Wattana'], dateOfBirth: '1989-12-30' };
    expect(meets(b, { names: ['Somchai Wattana'], dateOfBirth: '1991-01-02' })).toBe(true);
    expect(meets({ names: ['Somchai Wattana'], dateOfBirth: '1991-01-02' }, b)).toBe(true);
    expect(meets(b, { names: ['Somchai Wattana'], dateOfBirth: '2003' })).toBe(false);
    // another nationality never meets
    expect(meets(b, { names: ['Somchai Wattana'], dateOfBirth: '1989-12-30' }, 'TH')).toBe(true);
    const stored = new Set(rescueBlockingKeys(b, 'LA', Y).stored);
    expect(rescueBlockingKeys(b, 'TH', Y).probe.some((k) => stored.has(k))).toBe(false);
  });

  it('an unknown date of birth meets every decade, in both directions, across scripts', () => {
    const thai = { names: ['สมชาย วัฒนา'] };
    const latin = { names: ['Somchai Wattana'], dateOfBirth: '1962-03-01' };
    expect(meets(thai, latin)).toBe(true);
    expect(meets(latin, thai)).toBe(true);
    expect(meets({ names: ['สมชาย วัฒนา'], dateOfBirth: '1962' }, latin)).toBe(true);
    expect(meets({ names: ['Somchai Wattana'], dateOfBirth: '2019-01-01' }, thai)).toBe(true);
  });

  it('on 2,500 synthetic pairs: every pair that scores possible or better under name-only blocking still meets', () => {
    const pairs = syntheticPairs(2500);
    let possible = 0;
    const lost: string[] = [];
    for (const { a, b } of pairs) {
      const nameKeys = new Set(blockingKeys(a));
      if (!blockingKeys(b).some((k) => nameKeys.has(k))) continue;
      const m = matchPersons(b, a);
      if (m.verdict !== 'strong' && m.verdict !== 'possible') continue;
      possible++;
      if (!meets(b, a)) lost.push(`${b.names[0]} ${b.dateOfBirth} / ${a.names[0]} ${a.dateOfBirth}`);
    }
    expect(possible).toBeGreaterThan(2400);
    expect(lost).toEqual([]);
  });

  it('rules out, before any name comparison, only pairs the matcher caps at weak: full dates more than two years apart', () => {
    const name = { names: ['Somchai Wattana'], nationalities: ['TH'], gender: 'male' as const };
    expect(ruledOutByBirth({ ...name, dateOfBirth: '1991-04-02' }, { ...name, dateOfBirth: '1994-04-02' })).toBe(true);
    expect(ruledOutByBirth({ ...name, dateOfBirth: '1991-04-02' }, { ...name, dateOfBirth: '1993-04-02' })).toBe(false);
    expect(ruledOutByBirth({ ...name, dateOfBirth: '1991-04-02' }, { ...name, dateOfBirth: '1961' })).toBe(false);
    expect(ruledOutByBirth({ ...name, dateOfBirth: '1991-04-02' }, name)).toBe(false);
    // against the matcher itself, on identical names (the most favourable case) and on synthetic records
    const records = syntheticPairs(600).flatMap((p) => [p.a, p.b]);
    let ruled = 0;
    for (let i = 0; i < records.length; i += 3) {
      for (let j = 1; j < records.length; j += 7) {
        const a = records[i]!;
        const b = records[j]!;
        if (!ruledOutByBirth(a, b)) continue;
        ruled++;
        for (const [x, y] of [
          [a, b],
          [a, { ...b, names: a.names, nationalities: a.nationalities, gender: a.gender }],
        ] as const)
          expect(['weak', 'no-match']).toContain(matchPersons(x, y).verdict);
      }
    }
    expect(ruled).toBeGreaterThan(1000);
  });
});
