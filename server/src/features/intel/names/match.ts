import { type HitReasonCode, type ReasonCode, type ReasonParams, reasonText } from '@cordon/contracts';
import { birthEvidence, genderEvidence, nationalityEvidence } from './facts.ts';
import { prepareName } from './normalise.ts';
import { compareForms, type NameComparison, NO_SHARED_KEY_CAP } from './similarity.ts';
import { type Evidence, type MatchExplanation, type PersonFacts, THRESHOLDS, type Verdict } from './types.ts';

interface BestNames {
  comparison: NameComparison;
  indexA: number;
  indexB: number;
}

function bestNames(a: PersonFacts, b: PersonFacts): BestNames | undefined {
  let best: BestNames | undefined;
  a.names.forEach((nameA, indexA) => {
    const formA = prepareName(nameA);
    b.names.forEach((nameB, indexB) => {
      const comparison = compareForms(formA, prepareName(nameB));
      // strictly better only: on a tie the primary names (lower indexes, visited first) are kept
      if (!best || comparison.score > best.comparison.score) best = { comparison, indexA, indexB };
    });
  });
  return best;
}

const rc = (code: HitReasonCode, params: ReasonParams = {}): ReasonCode => ({ code, params });

function nameEvidence(
  a: PersonFacts,
  b: PersonFacts,
  best: BestNames,
): { reasons: ReasonCode[]; conflicts: ReasonCode[] } {
  const rawA = a.names[best.indexA]!;
  const rawB = b.names[best.indexB]!;
  const formA = prepareName(rawA);
  const formB = prepareName(rawB);
  const { comparison: c } = best;
  const reasons: ReasonCode[] = [];
  const conflicts: ReasonCode[] = [];
  const shown = { a: formA.latin, b: formB.latin, score: c.score };
  const translit = formA.nonLatin || formB.nonLatin ? '-translit' : '';
  if (c.score < THRESHOLDS.weak) conflicts.push(rc(`name-differ${translit}`, shown));
  else if (c.score === 1) reasons.push(rc(`name-identical${translit}`, shown));
  else reasons.push(rc(`name-match${translit}`, shown));
  for (const [raw, form] of [
    [rawA, formA],
    [rawB, formB],
  ] as const) {
    if (form.nonLatin) reasons.push(rc('name-transliterated', { raw, latin: form.latin }));
    if (raw.split(',').length === 2) reasons.push(rc('name-surname-first', { raw, latin: form.latin }));
  }
  if (best.indexA > 0) reasons.push(rc('alias-first', { index: best.indexA, name: rawA }));
  if (best.indexB > 0) reasons.push(rc('alias-second', { index: best.indexB, name: rawB }));
  if (c.reordered) reasons.push(rc('name-reordered'));
  if (c.blocked && c.score > 0) conflicts.push(rc('name-no-shared-key', { cap: NO_SHARED_KEY_CAP }));
  for (const p of c.pairs) {
    const pair = { a: p.a, b: p.b, score: p.score };
    if (p.score >= 0.85 && p.score < 1) reasons.push(rc('part-variant', pair));
    else if (p.score >= 0.6 && p.score < 0.85) reasons.push(rc('part-partial', pair));
    else if (p.score < 0.6) conflicts.push(rc('part-differ', pair));
  }
  const missing = (tokens: string[], code: 'only-in-first' | 'only-in-second') =>
    tokens.length > 0 && reasons.push(rc(code, { parts: tokens.join(' '), count: tokens.length }));
  missing(c.onlyInA, 'only-in-first');
  missing(c.onlyInB, 'only-in-second');
  return { reasons, conflicts };
}

export function verdictFor(score: number): Verdict {
  if (score >= THRESHOLDS.strong) return 'strong';
  if (score >= THRESHOLDS.possible) return 'possible';
  if (score >= THRESHOLDS.weak) return 'weak';
  return 'no-match';
}

/** Score and explain whether two person records could be the same person. Deterministic. */
export function matchPersons(a: PersonFacts, b: PersonFacts): MatchExplanation {
  const best = bestNames(a, b);
  if (!best) {
    return {
      score: 0,
      verdict: 'no-match',
      reasons: [],
      conflicts: [reasonText(rc('no-name'))],
      codes: [rc('no-name')],
      bestNamePair: [a.names[0] ?? '', b.names[0] ?? ''],
    };
  }
  const { reasons, conflicts } = nameEvidence(a, b, best);
  const evidence: Evidence[] = [birthEvidence(a, b)];
  for (const e of [nationalityEvidence(a, b), genderEvidence(a, b)]) if (e) evidence.push(e);
  let score = best.comparison.score;
  let capped = false;
  for (const e of evidence) {
    score += e.adjust;
    if (e.reason) reasons.push(e.reason);
    if (e.conflict) conflicts.push(e.conflict);
    capped ||= e.capAtWeak === true;
  }
  score = Math.min(1, Math.max(0, score));
  if (capped && score >= THRESHOLDS.possible) {
    score = THRESHOLDS.possible - 0.01;
    conflicts.push(rc('verdict-capped'));
  }
  score = Math.round(score * 1000) / 1000;
  return {
    score,
    verdict: verdictFor(score),
    reasons: reasons.map(reasonText),
    conflicts: conflicts.map(reasonText),
    codes: [...reasons, ...conflicts],
    bestNamePair: [a.names[best.indexA]!, b.names[best.indexB]!],
  };
}
