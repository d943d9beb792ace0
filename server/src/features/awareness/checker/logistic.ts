import { prng, shuffle } from './split.ts';
import type { Sparse } from './text.ts';

export interface TrainOptions {
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of each positive example (class balance). */
  positiveWeight?: number;
}

export interface LinearModel {
  bias: number;
  weights: Float64Array;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(model: LinearModel, x: Sparse): number {
  let z = model.bias;
  for (let i = 0; i < x.idx.length; i++) z += (model.weights[x.idx[i] as number] ?? 0) * (x.val[i] as number);
  return sigmoid(z);
}

/**
 * L2-regularised logistic regression by stochastic gradient descent with AdaGrad step sizes.
 * Deterministic: example order comes from the seeded PRNG.
 */
export function trainLogistic(xs: readonly Sparse[], ys: readonly number[], opts: TrainOptions): LinearModel {
  const weights = new Float64Array(opts.buckets);
  const g2 = new Float64Array(opts.buckets).fill(1e-8);
  let bias = 0;
  let gBias = 1e-8;
  const random = prng(opts.seed);
  const order = xs.map((_, i) => i);
  const posW = opts.positiveWeight ?? 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i] as Sparse;
      const y = ys[i] as number;
      const p = score({ bias, weights }, x);
      const err = (p - y) * (y === 1 ? posW : 1);
      for (let k = 0; k < x.idx.length; k++) {
        const j = x.idx[k] as number;
        const g = err * (x.val[k] as number) + opts.l2 * (weights[j] as number);
        g2[j] = (g2[j] as number) + g * g;
        weights[j] = (weights[j] as number) - (opts.learningRate * g) / Math.sqrt(g2[j] as number);
      }
      gBias += err * err;
      bias -= (opts.learningRate * err) / Math.sqrt(gBias);
    }
  }
  return { bias, weights };
}
