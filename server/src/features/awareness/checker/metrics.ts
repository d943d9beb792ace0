/** Binary classification metrics for the positive (fraud / spam) class. */
export interface Metrics {
  n: number;
  positives: number;
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
}

export function confusion(labels: readonly number[], scores: readonly number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((y, i) => {
    const p = (scores[i] ?? 0) >= threshold ? 1 : 0;
    if (p === 1 && y === 1) tp++;
    else if (p === 1) fp++;
    else if (y === 1) fn++;
    else tn++;
  });
  return { tp, fp, tn, fn };
}

/** ROC AUC by the rank-sum (Mann–Whitney) formula, ties counted half. */
export function rocAuc(labels: readonly number[], scores: readonly number[]): number {
  const pairs = labels.map((y, i) => ({ y, s: scores[i] ?? 0 })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let i = 0;
  while (i < pairs.length) {
    let j = i;
    while (j + 1 < pairs.length && pairs[j + 1]?.s === pairs[i]?.s) j++;
    const avgRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (pairs[k]?.y === 1) rankSumPos += avgRank;
    i = j + 1;
  }
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function metrics(labels: readonly number[], scores: readonly number[], threshold: number): Metrics {
  const { tp, fp, tn, fn } = confusion(labels, scores, threshold);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: labels.length,
    positives: tp + fn,
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1,
    rocAuc: rocAuc(labels, scores),
  };
}

/** The threshold with the best F1 on a validation set (ties: the higher threshold). */
export function bestThreshold(labels: readonly number[], scores: readonly number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t <= 0.951; t += 0.025) {
    const f = metrics(labels, scores, t).f1;
    if (f >= bestF1) {
      bestF1 = f;
      best = Math.round(t * 1000) / 1000;
    }
  }
  return best;
}
