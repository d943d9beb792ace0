import { trainLogistic } from './logistic.ts';
import { bestThreshold, type Metrics, metrics } from './metrics.ts';
import { type ModelArtefact, TextModel, toArtefact } from './model.ts';
import { type GroupOptions, groupSplit, type Record as LabelledText } from './split.ts';
import { type FeatureOptions, terms, vectorise } from './text.ts';

export interface TrainConfig extends FeatureOptions, GroupOptions {
  name: string;
  trainedOn: string;
  seed: number;
  testShare: number;
  epochs: number;
  learningRate: number;
  l2: number;
}

export interface TrainResult {
  artefact: ModelArtefact;
  test: Metrics;
  split: {
    records: number;
    duplicatesDropped: number;
    groups: number;
    train: number;
    test: number;
    trainPositives: number;
  };
  /** Ids on each side (for the no-overlap check). */
  trainIds: string[];
  testIds: string[];
}

function fit(records: readonly LabelledText[], cfg: TrainConfig) {
  const xs = records.map((r) => vectorise(terms(r.text, cfg), cfg.buckets));
  const ys = records.map((r) => r.label);
  const pos = ys.filter((y) => y === 1).length;
  const positiveWeight = pos === 0 ? 1 : Math.max(1, (ys.length - pos) / pos);
  return trainLogistic(xs, ys, { ...cfg, positiveWeight });
}

/**
 * Split by near-duplicate group (the held-out side is never seen), choose the decision threshold
 * on a validation split carved (again by group) out of the training side, fit on the whole
 * training side, and measure on the held-out side.
 */
export function trainTextModel(records: readonly LabelledText[], cfg: TrainConfig): TrainResult {
  const outer = groupSplit(records, cfg);
  const inner = groupSplit(outer.train, { ...cfg, seed: cfg.seed + 1, testShare: 0.2 });
  const probe = new TextModel(
    toArtefact(
      {
        name: cfg.name,
        trainedOn: '',
        buckets: cfg.buckets,
        charNgrams: cfg.charNgrams,
        threshold: 0.5,
        metrics: null,
      },
      fit(inner.train, cfg),
    ),
  );
  const threshold = bestThreshold(
    inner.test.map((r) => r.label),
    inner.test.map((r) => probe.explain(r.text).probability),
  );
  const base = {
    name: cfg.name,
    trainedOn: cfg.trainedOn,
    buckets: cfg.buckets,
    charNgrams: cfg.charNgrams,
    threshold,
  };
  const model = new TextModel(toArtefact({ ...base, metrics: null }, fit(outer.train, cfg)));
  const test = metrics(
    outer.test.map((r) => r.label),
    outer.test.map((r) => model.explain(r.text).probability),
    threshold,
  );
  const split = {
    records: records.length,
    duplicatesDropped: outer.duplicatesDropped,
    groups: outer.groups,
    train: outer.train.length,
    test: outer.test.length,
    trainPositives: outer.train.filter((r) => r.label === 1).length,
  };
  const rounded = Object.fromEntries(
    Object.entries(test).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10000) / 10000 : v]),
  );
  return {
    artefact: { ...model.artefact, metrics: { heldOut: rounded, split } },
    test,
    split,
    trainIds: outer.train.map((r) => r.id),
    testIds: outer.test.map((r) => r.id),
  };
}

export const JOB_CONFIG: TrainConfig = {
  name: 'job-offer',
  trainedOn: 'EMSCAD partial copies (../shared/reference/emscad), free-text fields only',
  seed: 7,
  testShare: 0.25,
  buckets: 1 << 15,
  charNgrams: [],
  minJaccard: 0.5,
  shingleSize: 3,
  epochs: 12,
  learningRate: 0.2,
  l2: 1e-5,
};

export const SMS_CONFIG: TrainConfig = {
  name: 'message',
  trainedOn: 'UCI SMS Spam Collection v.1 (../shared/reference/sms-spam)',
  seed: 7,
  testShare: 0.25,
  buckets: 1 << 15,
  charNgrams: [3, 4],
  minJaccard: 0.6,
  shingleSize: 2,
  epochs: 12,
  learningRate: 0.2,
  l2: 1e-5,
};
