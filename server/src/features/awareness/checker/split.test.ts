import { describe, expect, it } from 'vitest';
import { loadEmscad } from './datasets.ts';
import { groupSplit, nearDuplicateGroups, shingles } from './split.ts';

describe('de-duplication and group split', () => {
  it('puts near copies in one group and unrelated texts apart', () => {
    const base =
      'We are hiring customer service staff for our office, full training provided, apply today with your CV and a short letter';
    const groups = nearDuplicateGroups(
      [
        base,
        `${base}!`,
        base.replace('today', 'now'),
        'Senior accountant needed in Manila, five years of audit experience, CPA licence required',
      ],
      { minJaccard: 0.5, shingleSize: 3 },
    );
    expect(groups[0]).toBe(groups[1]);
    expect(groups[0]).toBe(groups[2]);
    expect(groups[3]).not.toBe(groups[0]);
    expect(shingles('a b c d', 3)).toEqual(new Set(['a b c', 'b c d']));
  });

  it('never puts an ad, an exact copy or a near copy of it on both sides (EMSCAD)', () => {
    const records = loadEmscad();
    const split = groupSplit(records, { minJaccard: 0.5, shingleSize: 3, testShare: 0.25, seed: 7 });
    const trainIds = new Set(split.train.map((r) => r.id));
    expect(split.test.some((r) => trainIds.has(r.id))).toBe(false);
    const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
    const trainTexts = new Set(split.train.map((r) => norm(r.text)));
    expect(split.test.some((r) => trainTexts.has(norm(r.text)))).toBe(false);
    // Near copies: no held-out ad shares its title and description opening with a training ad.
    const head = (t: string) => norm(t).slice(0, 120);
    const trainHeads = new Set(split.train.map((r) => head(r.text)));
    expect(split.test.filter((r) => trainHeads.has(head(r.text)))).toEqual([]);
    expect(split.duplicatesDropped).toBeGreaterThan(0);
    expect(split.test.length / (split.train.length + split.test.length)).toBeGreaterThan(0.2);
  });
});
