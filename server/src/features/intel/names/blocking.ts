import { fold, isNameWord, type NameForm, prepareName, skeleton } from './normalise.ts';
import type { PersonFacts } from './types.ts';

/**
 * Blocking keys: a candidate must share at least one key with the person looked up, so that a
 * database finds candidates through an index instead of scoring everyone.
 *
 *  - `k:<skeleton of one name word>|<sound class of another name word's first consonant>`, for
 *    every ordered pair of name words: one word must agree on its consonants, the other only on
 *    its first sound (so one misspelt word still blocks, and 'Gim'/'Kim' share a class);
 *  - `s:<skeleton of the whole name, words joined>`: the same name split differently
 *    ('Abdulrahman' / 'Abd al-Rahman');
 *  - a single-word name emits its `k:` key with every class, so it meets every longer name that
 *    contains that word (scores of such pairs are capped, but date and nationality can lift them),
 *    and `m:<first two consonants>` to meet other single-word names spelt differently.
 *
 * The guarantee 'a pair that can score >= possible shares a key' holds by construction: two names
 * that share no key get a name similarity of at most NO_SHARED_KEY_CAP (similarity.ts), and the
 * other facts add at most 0.14, which stays below the 'possible' threshold.
 */

const CLASSES: Record<string, string> = {
  b: 'P',
  f: 'P',
  p: 'P',
  w: 'P',
  v: 'P',
  c: 'K',
  g: 'K',
  j: 'K',
  k: 'K',
  q: 'K',
  s: 'K',
  x: 'K',
  z: 'K',
  d: 'T',
  t: 'T',
  l: 'L',
  m: 'N',
  n: 'N',
  r: 'R',
};
const ALL_CLASSES = ['P', 'K', 'T', 'L', 'N', 'R', 'V'];

function soundClass(letter: string): string {
  return CLASSES[letter] ?? 'V';
}

function computeKeys(form: NameForm): Set<string> {
  const keys = new Set<string>();
  const words = form.tokens.map((t, i) => (isNameWord(t) ? i : -1)).filter((i) => i >= 0);
  const indexes = words.length > 0 ? words : form.tokens.map((_, i) => i);
  if (indexes.length === 0) return keys;
  keys.add(`s:${skeleton(fold(form.tokens.join('')))}`);
  const skels = indexes.map((i) => form.skeletons[i]!);
  if (skels.length === 1) {
    keys.add(`s:${skels[0]}`);
    keys.add(`m:${skels[0]!.slice(0, 2)}`);
    for (const c of ALL_CLASSES) keys.add(`k:${skels[0]}|${c}`);
    return keys;
  }
  // the first sound of a word, read both from its spelling and from its first consonant
  // ('olga'/'oga' share V, 'ahmed'/'hmd' share K... through one or the other)
  const sounds = indexes.map((i) => [soundClass(form.folded[i]!.charAt(0)), soundClass(form.skeletons[i]!.charAt(0))]);
  for (let i = 0; i < skels.length; i++) {
    for (let j = 0; j < skels.length; j++) {
      if (i !== j) for (const c of sounds[j]!) keys.add(`k:${skels[i]}|${c}`);
    }
  }
  return keys;
}

/** Keys of one name (cached on the prepared form). */
export function nameKeys(form: NameForm): Set<string> {
  form.keys ??= computeKeys(form);
  return form.keys;
}

export function shareKey(a: NameForm, b: NameForm): boolean {
  const kb = nameKeys(b);
  for (const k of nameKeys(a)) if (kb.has(k)) return true;
  return false;
}

export function blockingKeys(p: PersonFacts): string[] {
  const keys = new Set<string>();
  for (const name of p.names) for (const k of nameKeys(prepareName(name))) keys.add(k);
  return [...keys].sort();
}
