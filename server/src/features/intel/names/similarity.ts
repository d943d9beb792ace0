import { shareKey } from './blocking.ts';
import { isSubsequence, jaroWinkler, levenshteinSimilarity } from './jaro-winkler.ts';
import { fold, isNameWord, type NameForm, prepareName, skeleton } from './normalise.ts';

const LIGHT_WEIGHT = 0.3;
/** Cost of a name part present on one side only (a missing middle name), relative to a full miss. */
const MISSING_PART_COST = 0.15;
/** Names that share no blocking key are not similar beyond this (see blocking.ts). */
export const NO_SHARED_KEY_CAP = 0.6;
/** When the shorter name has a single name word, one word in common is not enough for more than this. */
const SINGLE_WORD_CAP = 0.65;

interface Unit {
  /** indexes of the tokens this unit covers (two or three for a joined unit: 'jin ping' ~ 'jinping') */
  covers: number[];
  text: string;
  folded: string;
  skeleton: string;
  weight: number;
}

export interface TokenPair {
  a: string;
  b: string;
  score: number;
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  onlyInA: string[];
  onlyInB: string[];
  reordered: boolean;
  /** the names share no blocking key, so the score was capped */
  blocked: boolean;
}

const vowels = (s: string) => s.replace(/[^aeiou]/g, '').length;

/** Similarity of two folded tokens, 0..1. */
export function tokenSimilarity(
  a: string,
  b: string,
  vowelsImplied = false,
  skelA = skeleton(a),
  skelB = skeleton(b),
): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.8 : 0;
  const base = (jaroWinkler(a, b) + levenshteinSimilarity(a, b)) / 2;
  if (skelA !== skelB) return base;
  // same consonants, and the shorter is the longer with vowels left out, as a script that does not
  // write them spells it (Arabic, Hebrew, Thai...); an initial vowel may differ (ayn: 'amr'/'omar')
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const bare = short.replace(/^[aeiou]/, '');
  if (skelA.length < 2 || !isSubsequence(bare, long)) return base;
  // unless the name comes from such a script, the shorter must have (almost) no vowels itself:
  // two Latin spellings with vowels of their own ('jing' / 'zhaoyong') are not that
  if (!vowelsImplied && vowels(bare) > (skelA.length >= 4 ? 1 : 0)) return base;
  return Math.max(base, skelA.length >= 3 ? 0.92 : 0.88);
}

/** Below 0.85 a token similarity is weak evidence ('wei'/'wen'); it is discounted steeply to nothing at 0.6. */
function effective(score: number): number {
  if (score >= 0.85) return score;
  return Math.max(0, (score * (score - 0.6)) / 0.25);
}

function weightOf(token: string): number {
  return isNameWord(token) ? 1 : LIGHT_WEIGHT;
}

const unitCache = new WeakMap<NameForm, Unit[]>();

/** The tokens, then adjacent tokens joined in twos and threes (computed once per prepared name). */
function units(form: NameForm): Unit[] {
  const cached = unitCache.get(form);
  if (cached) return cached;
  const out: Unit[] = form.tokens.map((text, i) => ({
    covers: [i],
    text,
    folded: form.folded[i]!,
    skeleton: form.skeletons[i]!,
    weight: weightOf(text),
  }));
  for (const span of form.tokens.length > 6 ? [] : [2, 3]) {
    for (let i = 0; i + span <= form.tokens.length; i++) {
      const covers = Array.from({ length: span }, (_, k) => i + k);
      const text = covers.map((k) => form.tokens[k]).join('');
      const folded = fold(text);
      out.push({ covers, text, folded, skeleton: skeleton(folded), weight: 1 });
    }
  }
  unitCache.set(form, out);
  return out;
}

interface Candidate {
  ua: Unit;
  ub: Unit;
  score: number;
  order: number;
}

export function compareForms(a: NameForm, b: NameForm): NameComparison {
  if (a.tokens.length === 0 || b.tokens.length === 0) {
    return { score: 0, pairs: [], onlyInA: a.tokens, onlyInB: b.tokens, reordered: false, blocked: true };
  }
  const vowelsImplied = a.vowelsImplied || b.vowelsImplied;
  const unitsA = units(a);
  const unitsB = units(b);
  const candidates: Candidate[] = [];
  for (const ua of unitsA) {
    for (const ub of unitsB) {
      if (ua.covers.length > 1 && ub.covers.length > 1) continue;
      const score = tokenSimilarity(ua.folded, ub.folded, vowelsImplied, ua.skeleton, ub.skeleton);
      candidates.push({ ua, ub, score, order: candidates.length });
    }
  }
  // greedy best assignment; a joined unit must beat its parts to be chosen (ties keep single tokens)
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      x.ua.covers.length + x.ub.covers.length - y.ua.covers.length - y.ub.covers.length ||
      x.order - y.order,
  );
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (c.ua.covers.some((i) => usedA.has(i)) || c.ub.covers.some((i) => usedB.has(i))) continue;
    for (const i of c.ua.covers) usedA.add(i);
    for (const i of c.ub.covers) usedB.add(i);
    chosen.push(c);
  }
  let gained = 0;
  let possible = 0;
  for (const c of chosen) {
    const weight = Math.max(c.ua.weight, c.ub.weight);
    gained += weight * effective(c.score);
    possible += weight;
  }
  const onlyInA = a.tokens.filter((_, i) => !usedA.has(i));
  const onlyInB = b.tokens.filter((_, i) => !usedB.has(i));
  for (const t of [...onlyInA, ...onlyInB]) possible += weightOf(t) * MISSING_PART_COST;
  let score = possible > 0 ? gained / possible : 0;
  const wordsA = a.tokens.filter(isNameWord).length;
  const wordsB = b.tokens.filter(isNameWord).length;
  const leftOver = [...onlyInA, ...onlyInB].some(isNameWord);
  if (leftOver && Math.min(wordsA, wordsB) <= 1 && Math.max(wordsA, wordsB) > 1)
    score = Math.min(score, SINGLE_WORD_CAP);
  const blocked = !shareKey(a, b);
  if (blocked) score = Math.min(score, NO_SHARED_KEY_CAP);
  const byA = [...chosen].sort((x, y) => x.ua.covers[0]! - y.ua.covers[0]!);
  const reordered = byA.some((c, i) => i > 0 && c.ub.covers[0]! < byA[i - 1]!.ub.covers[0]!);
  return {
    score: Math.round(score * 1000) / 1000,
    pairs: byA.map((c) => ({ a: c.ua.text, b: c.ub.text, score: Math.round(c.score * 100) / 100 })),
    onlyInA,
    onlyInB,
    reordered,
    blocked,
  };
}

export function compareNames(a: string, b: string): NameComparison {
  return compareForms(prepareName(a), prepareName(b));
}

/** 0..1, token-order-insensitive, tolerant to romanisation variants, joined/split and missing name parts. */
export function nameSimilarity(a: string, b: string): number {
  return compareNames(a, b).score;
}
