import { describe, expect, it } from 'vitest';
import { bestThreshold, metrics, rocAuc } from './metrics.ts';

describe('classification metrics', () => {
  it('computes precision, recall and F1 from the confusion matrix', () => {
    const labels = [1, 1, 1, 0, 0, 0, 0, 1];
    const scores = [0.9, 0.8, 0.3, 0.7, 0.1, 0.2, 0.4, 0.6];
    const m = metrics(labels, scores, 0.5);
    expect([m.tp, m.fp, m.tn, m.fn]).toEqual([3, 1, 3, 1]);
    expect(m.precision).toBeCloseTo(0.75);
    expect(m.recall).toBeCloseTo(0.75);
    expect(m.f1).toBeCloseTo(0.75);
  });

  it('computes ROC AUC as the chance a positive outranks a negative, ties counted half', () => {
    expect(rocAuc([1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(rocAuc([1, 0], [0.5, 0.5])).toBe(0.5);
    // 1 positive (0.6) vs negatives 0.7, 0.4, 0.5: beats 2 of 3.
    expect(rocAuc([1, 0, 0, 0], [0.6, 0.7, 0.4, 0.5])).toBeCloseTo(2 / 3);
  });

  it('has F1 zero when nothing is predicted positive, and picks the threshold with the best F1', () => {
    expect(metrics([1, 0], [0.1, 0.2], 0.5).f1).toBe(0);
    const t = bestThreshold([1, 1, 0, 0], [0.9, 0.35, 0.3, 0.1]);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.35);
  });
});
