import { describe, expect, it } from 'vitest';
import { WEIGHTS } from './facts.ts';
import { blockingKeys, matchPersons, type PersonFacts, THRESHOLDS } from './index.ts';
import { NO_SHARED_KEY_CAP } from './similarity.ts';
import { syntheticPairs } from './synthetic.ts';

const pairs = syntheticPairs(2500);
const records: PersonFacts[] = pairs.flatMap((p) => [p.a, p.b]);
const keys = records.map((r) => new Set(blockingKeys(r)));
const shares = (i: number, j: number) => [...keys[i]!].some((k) => keys[j]!.has(k));

describe('blockingKeys', () => {
  it('gives a small, stable, order-free set of keys', () => {
    const k = blockingKeys({ names: ['Somchai Wattana'] });
    expect(k).toEqual(['k:smc|P', 'k:wtn|K', 's:smcwtn']);
    expect(blockingKeys({ names: ['WATTANA, Somchai'] })).toEqual(k);
    expect(blockingKeys({ names: ['สมชาย วัฒนา'] })).toEqual(expect.arrayContaining(['k:smc|P', 'k:wtn|K']));
    expect(blockingKeys({ names: [] })).toEqual([]);
  });

  it('caps unblocked names low enough that the other facts cannot lift them to possible', () => {
    const maxBoost = WEIGHTS.sameDate + WEIGHTS.sharedNationality;
    expect(NO_SHARED_KEY_CAP + maxBoost).toBeLessThan(THRESHOLDS.possible);
    const m = matchPersons(
      { names: ['Juan Flores'], dateOfBirth: '1990-01-01', nationalities: ['PH'] },
      { names: ['Juan Torres'], dateOfBirth: '1990-01-01', nationalities: ['PH'] },
    );
    expect(m.conflicts).toContain('no name word is spelt alike in both names: name similarity capped at 0.6');
    expect(m.verdict).toBe('weak');
  });

  it('gives a single-word name keys that meet longer names containing the word', () => {
    const mononym = new Set(blockingKeys({ names: ['Somchai'] }));
    expect(blockingKeys({ names: ['Somchai Wattana'] }).some((k) => mononym.has(k))).toBe(true);
  });

  it(`on ${records.length} synthetic records: every true pair shares a key, candidate sets stay small`, () => {
    let sharing = 0;
    let reachPossible = 0;
    const misses: string[] = [];
    pairs.forEach((p, n) => {
      if (shares(2 * n, 2 * n + 1)) sharing++;
      const m = matchPersons(p.a, p.b);
      if (m.score >= THRESHOLDS.possible) reachPossible++;
      else misses.push(`${m.score} ${p.a.names.join('/')} | ${p.b.names.join('/')} (${p.changes.join(', ')})`);
    });
    const index = new Map<string, number[]>();
    keys.forEach((ks, i) => {
      for (const k of ks) index.set(k, [...(index.get(k) ?? []), i]);
    });
    let total = 0;
    let largest = 0;
    keys.forEach((ks, i) => {
      const candidates = new Set<number>();
      for (const k of ks) for (const j of index.get(k)!) if (j !== i) candidates.add(j);
      total += candidates.size;
      largest = Math.max(largest, candidates.size);
    });
    const average = total / records.length;
    const keysPerRecord = keys.reduce((s, k) => s + k.size, 0) / records.length;
    console.info(
      `blocking: ${records.length} records, ${sharing}/${pairs.length} true pairs share a key, ` +
        `${reachPossible}/${pairs.length} reach 'possible'; ${keysPerRecord.toFixed(1)} keys per record; ` +
        `candidates per record: average ${average.toFixed(1)} (${((100 * average) / records.length).toFixed(2)}%), largest ${largest}`,
    );
    console.info(`true pairs below 'possible' (first 10):\n${misses.slice(0, 10).join('\n')}`);
    expect(sharing).toBe(pairs.length);
    expect(reachPossible / pairs.length).toBeGreaterThan(0.97);
    expect(average).toBeLessThan(records.length * 0.02);
  });

  it('every pair that scores >= possible shares a key (all pairs of the first 500 records)', () => {
    const n = 500;
    let above = 0;
    const unblocked: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const m = matchPersons(records[i]!, records[j]!);
        if (m.score < THRESHOLDS.possible) continue;
        above++;
        if (!shares(i, j)) unblocked.push(`${m.score}: ${m.bestNamePair.join(' | ')}`);
      }
    }
    console.info(
      `guarantee: ${(n * (n - 1)) / 2} pairs compared, ${above} >= possible, ${unblocked.length} without a shared key`,
    );
    expect(unblocked).toEqual([]);
    expect(above).toBeGreaterThan(100);
  });
});
