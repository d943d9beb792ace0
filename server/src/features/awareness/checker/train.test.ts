import { describe, expect, it } from 'vitest';
import { loadEmscad, loadSms } from './datasets.ts';
import { prng, shuffle } from './split.ts';
import { JOB_CONFIG, SMS_CONFIG, trainTextModel } from './train.ts';

const sample = <T>(items: T[], n: number, seed: number) => shuffle([...items], prng(seed)).slice(0, n);

describe('model training (fixed seed, quick subset)', () => {
  it('trains a job-offer model on a subset that beats the floor on its held-out groups, deterministically', () => {
    const records = sample(loadEmscad(), 600, 1);
    const cfg = { ...JOB_CONFIG, buckets: 1 << 13, epochs: 6 };
    const a = trainTextModel(records, cfg);
    expect(a.test.f1).toBeGreaterThan(0.75);
    expect(a.test.rocAuc).toBeGreaterThan(0.85);
    const trainIds = new Set(a.trainIds);
    expect(a.testIds.some((id) => trainIds.has(id))).toBe(false);
    const b = trainTextModel(records, cfg);
    expect(b.test).toEqual(a.test);
    expect(b.artefact.weights.slice(0, 50)).toEqual(a.artefact.weights.slice(0, 50));
  });

  it('trains a message model on a subset that beats the floor', () => {
    const records = sample(loadSms(), 1500, 2);
    const r = trainTextModel(records, { ...SMS_CONFIG, buckets: 1 << 13, epochs: 6 });
    expect(r.test.f1).toBeGreaterThan(0.8);
    expect(r.test.rocAuc).toBeGreaterThan(0.9);
  });
});
