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

const pct = (n: number) => n.toFixed(2);

function nameEvidence(a: PersonFacts, b: PersonFacts, best: BestNames): { reasons: string[]; conflicts: string[] } {
  const rawA = a.names[best.indexA]!;
  const rawB = b.names[best.indexB]!;
  const formA = prepareName(rawA);
  const formB = prepareName(rawB);
  const { comparison: c } = best;
  const reasons: string[] = [];
  const conflicts: string[] = [];
  const shown = `"${formA.latin}" ~ "${formB.latin}" (${pct(c.score)})`;
  const scripts = formA.nonLatin || formB.nonLatin ? ' after transliteration' : '';
  if (c.score < THRESHOLDS.weak) conflicts.push(`names differ${scripts}: ${shown}`);
  else if (c.score === 1) reasons.push(`names identical${scripts}: ${shown}`);
  else reasons.push(`names match${scripts}: ${shown}`);
  for (const [raw, form] of [
    [rawA, formA],
    [rawB, formB],
  ] as const) {
    if (form.nonLatin) reasons.push(`"${raw}" transliterated as "${form.latin}"`);
    if (raw.split(',').length === 2) reasons.push(`"${raw}" read as surname-first: "${form.latin}"`);
  }
  if (best.indexA > 0) reasons.push(`matched on alias #${best.indexA} of the first person: "${rawA}"`);
  if (best.indexB > 0) reasons.push(`matched on alias #${best.indexB} of the second person: "${rawB}"`);
  if (c.reordered) reasons.push('name parts are in a different order');
  if (c.blocked && c.score > 0) {
    conflicts.push(`no name word is spelt alike in both names: name similarity capped at ${NO_SHARED_KEY_CAP}`);
  }
  for (const p of c.pairs) {
    if (p.score >= 0.85 && p.score < 1) reasons.push(`"${p.a}" ~ "${p.b}" as spelling variants (${pct(p.score)})`);
    else if (p.score >= 0.6 && p.score < 0.85)
      reasons.push(`"${p.a}" and "${p.b}" are only partly alike (${pct(p.score)})`);
    else if (p.score < 0.6) conflicts.push(`name parts "${p.a}" and "${p.b}" differ (${pct(p.score)})`);
  }
  const missing = (tokens: string[], who: string) =>
    tokens.length > 0 &&
    reasons.push(`name part${tokens.length > 1 ? 's' : ''} "${tokens.join(' ')}" only in the ${who} record`);
  missing(c.onlyInA, 'first');
  missing(c.onlyInB, 'second');
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
      conflicts: ['a person has no name to compare'],
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
    conflicts.push('verdict capped at "weak" because the dates of birth are incompatible');
  }
  score = Math.round(score * 1000) / 1000;
  return {
    score,
    verdict: verdictFor(score),
    reasons,
    conflicts,
    bestNamePair: [a.names[best.indexA]!, b.names[best.indexB]!],
  };
}
