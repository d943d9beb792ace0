import { score } from './logistic.ts';
import { type FeatureOptions, hash32, terms, vectorise } from './text.ts';

/** The trained artefact as committed (JSON): hashed-feature weights, sparse, rounded. */
export interface ModelArtefact {
  name: string;
  /** What it was trained on and how (copied into docs/job-checker.md by the trainer). */
  trainedOn: string;
  buckets: number;
  charNgrams: number[];
  bias: number;
  threshold: number;
  /** [bucket, weight] pairs for weights that are not ~0. */
  weights: [number, number][];
  metrics: unknown;
}

export interface Explained {
  probability: number;
  flagged: boolean;
  /** Words and word pairs of the input that pushed the score most towards the positive class. */
  topTerms: string[];
}

/** A loaded model: score a text and say which of its words drove the score. */
export class TextModel {
  private readonly weights: Float64Array;
  readonly opts: FeatureOptions;
  constructor(readonly artefact: ModelArtefact) {
    this.weights = new Float64Array(artefact.buckets);
    for (const [i, w] of artefact.weights) this.weights[i] = w;
    this.opts = { buckets: artefact.buckets, charNgrams: artefact.charNgrams };
  }

  explain(text: string): Explained {
    const list = terms(text, this.opts);
    const probability = score({ bias: this.artefact.bias, weights: this.weights }, vectorise(list, this.opts.buckets));
    const contributions = new Map<string, number>();
    for (const t of list) {
      if (!t.startsWith('w:') && !t.startsWith('b:')) continue;
      const label = t.slice(2);
      if (label.startsWith('#') || label.endsWith('tok') || label.length < 4) continue;
      contributions.set(label, this.weights[hash32(t) & (this.opts.buckets - 1)] ?? 0);
    }
    const topTerms = [...contributions.entries()]
      .filter(([, w]) => w > 0.05)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([label]) => label);
    return { probability, flagged: probability >= this.artefact.threshold, topTerms };
  }
}

export function toArtefact(
  base: Omit<ModelArtefact, 'weights' | 'bias'>,
  model: { bias: number; weights: Float64Array },
): ModelArtefact {
  const weights: [number, number][] = [];
  model.weights.forEach((w, i) => {
    const r = Math.round(w * 10000) / 10000;
    if (r !== 0) weights.push([i, r]);
  });
  return { ...base, bias: Math.round(model.bias * 10000) / 10000, weights };
}
