import { describe, expect, it } from 'vitest';
import { type DetectTx, detect } from './detectors.ts';

const H = 3_600_000;
const t = (
  id: string,
  from: string | null,
  to: string,
  amount: string,
  at: number,
  victimRef: string | null = null,
  victimCountry: string | null = null,
): DetectTx => ({
  id,
  from,
  to,
  amount,
  currency: 'USD',
  at,
  victimRef,
  victimCountry,
});

describe('detectors', () => {
  const txs = [
    t('v1', 'V1', 'C', '1000', 0, 'v1', 'TH'),
    t('v2', 'V2', 'C', '2000', 1 * H, 'v2', 'PH'),
    t('v3', 'V3', 'C', '500', 2 * H, 'v3', 'KE'),
    t('v4', 'V4', 'D', '500', 2 * H, 'v4', 'KE'),
    t('c-m', 'C', 'M', '3000', 3 * H),
    t('m-x', 'M', 'X', '2900', 5 * H),
    t('slow-in', 'Z', 'S', '1000', 0),
    t('slow-out', 'S', 'Q', '1000', 200 * H),
  ];

  it('ranks collection accounts, mules and cash-out points with evidence', () => {
    const found = detect(txs, { tags: new Map([['X', ['exchange']]]) });
    const byKind = (k: string) => found.filter((f) => f.kind === k).map((f) => f.account);
    expect(byKind('collection')).toEqual(['C']);
    expect(byKind('mule').sort()).toEqual(['C', 'M']);
    expect(byKind('cash-out')).toEqual(['X']);
    const c = found.find((f) => f.kind === 'collection');
    expect(c?.evidence[0]).toBe('3 victims from 3 countries paid in');
    expect(c?.evidence[1]).toBe('received 3500 USD from victims');
    expect(c?.transactionIds).toEqual(['v1', 'v2', 'v3']);
    const m = found.find((f) => f.kind === 'mule' && f.account === 'M');
    expect(m?.evidence[1]).toBe('median time to pass on: 2.0 h');
    // Slow pass-through (200 h) is no mule; an untagged receiver is no cash-out point.
    expect(found.some((f) => f.account === 'S' || f.account === 'Q')).toBe(false);
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
  });
});
