/**
 * Jaro-Winkler and a normalised Levenshtein similarity on short ASCII strings (name tokens).
 *
 * Written here rather than imported: `talisman` is unmaintained, CommonJS-only, untyped and pulls
 * lodash and four other packages for a 40-line function; `@skyra/jaro-winkler` counts a common
 * prefix of four characters as five (over-boosting 'wattana'/'wattaba' to 0.952 instead of 0.943)
 * and has no boost threshold. This version follows Winkler (1990): prefix up to 4, scale 0.1,
 * boost only when the Jaro score is at least 0.7. Tests pin the published reference values.
 */

const matchedA = new Uint8Array(64);
const matchedB = new Uint8Array(64);

export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const flagsA = la <= 64 ? matchedA.fill(0, 0, la) : new Uint8Array(la);
  const flagsB = lb <= 64 ? matchedB.fill(0, 0, lb) : new Uint8Array(lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 1 || b.charCodeAt(j) !== ch) continue;
      flagsA[i] = 1;
      flagsB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] !== 1) continue;
    while (flagsB[k] !== 1) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const t = Math.floor(halfTranspositions / 2);
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7) return j;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** 1 - levenshtein(a, b) / max(|a|, |b|). */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  let prev = new Array<number>(lb + 1);
  let curr = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return 1 - prev[lb]! / Math.max(la, lb);
}

/** True when every character of `short` appears in `long` in order (vowels dropped by an abjad, say). */
export function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (let i = 0; i < long.length && k < short.length; i++) {
    if (long.charCodeAt(i) === short.charCodeAt(k)) k++;
  }
  return k === short.length;
}
