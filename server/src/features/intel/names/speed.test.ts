import { describe, expect, it } from 'vitest';
import { blockingKeys, matchPersons, type PersonFacts } from './index.ts';
import { syntheticPairs } from './synthetic.ts';

/**
 * Throughput of one new person against candidate lists, the rescue-registration pattern. The bound
 * asserted is far below what is measured (README.md) so that a loaded CI machine does not fail it.
 */
describe('speed', () => {
  const records: PersonFacts[] = syntheticPairs(1000, 99).flatMap((p) => [p.a, p.b]);
  const probes = records.slice(0, 40);
  const candidates = records.slice(1000, 1500);

  it('compares thousands of pairs per second', () => {
    for (const p of probes.slice(0, 5)) for (const c of candidates) matchPersons(p, c); // JIT warm-up, name cache
    let comparisons = 0;
    const started = performance.now();
    for (const p of probes)
      for (const c of candidates) {
        matchPersons(p, c);
        comparisons++;
      }
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(comparisons / seconds);
    console.info(`speed: ${comparisons} matchPersons in ${seconds.toFixed(2)} s = ${perSecond} comparisons/s`);
    expect(perSecond).toBeGreaterThan(2000);
  });

  it('computes blocking keys for thousands of persons per second', () => {
    const fresh = syntheticPairs(1000, 123).flatMap((p) => [p.a, p.b]);
    const started = performance.now();
    for (const r of fresh) blockingKeys(r);
    const perSecond = Math.round(fresh.length / ((performance.now() - started) / 1000));
    console.info(`speed: blockingKeys for ${fresh.length} new persons = ${perSecond} persons/s`);
    expect(perSecond).toBeGreaterThan(1000);
  });
});
