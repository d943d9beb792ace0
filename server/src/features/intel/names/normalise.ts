import { transliterate } from './scripts.ts';

/** A name prepared once for comparison: every array is in the written order of the tokens. */
export interface NameForm {
  raw: string;
  /** transliterated, lower-case ASCII letters and single spaces; 'SURNAME, Given' turned round */
  latin: string;
  tokens: string[];
  /** tokens with romanisation variants folded (th->t, v->w, y->i, doubled letters...) */
  folded: string[];
  /** folded tokens without vowels: what an abjad or an abugida without vowel marks keeps */
  skeletons: string[];
  /** the name was written in a non-Latin script */
  nonLatin: boolean;
  /** written in a script that leaves vowels unwritten (Arabic, Hebrew, Thai, Devanagari...) */
  vowelsImplied: boolean;
  /** blocking keys, computed on first use */
  keys?: Set<string>;
}

/** Connecting words that say little about identity ('bin', 'van', 'thi'...); they weigh less. */
const PARTICLES = new Set(
  'al el bin ibn bint binti abu van von der den de da di du del della dos das la le thi y e'.split(' '),
);

/** False for initials and particles. */
export function isNameWord(token: string): boolean {
  return token.length > 1 && !PARTICLES.has(token);
}

/**
 * Folding of common romanisation variants, applied identically to both sides so that equal
 * results mean 'same sound as far as romanisation goes'. Order matters.
 */
const FOLDS: [RegExp, string][] = [
  // Arabic 'abd' (servant of) is written Abdul, Abdel, Abdur, Abd al...
  [/^abd(?:ul|el|al|ol|ur|ar|ou|u)/, 'abd'],
  [/dzh|dj/g, 'j'],
  [/sch|sz|sh/g, 's'],
  [/tsch|tch|cz|ch/g, 'C'],
  [/([kpgdbjt])h/g, '$1'],
  [/ck/g, 'k'],
  [/c/g, 'k'],
  [/C/g, 'c'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/v/g, 'w'],
  [/y/g, 'i'],
  [/ou|oo/g, 'u'],
  [/ee/g, 'i'],
  [/eo/g, 'o'],
  [/eu/g, 'u'],
  // popular Thai spelling writes a final -อร as 'orn' (Somporn), the royal system as 'on'
  [/(?<=..)orn$/, 'on'],
  [/(.)\1+/g, '$1'],
  // a final h is mostly silent or optional: Sarah/Sara, Abdullah/Abdulla, صالح 'salh'/Saleh;
  // not after n, where Vietnamese tells names apart by it (Anh/An, Minh/Min)
  [/(?<=.[^n])h$/, ''],
];

export function fold(token: string): string {
  let s = token;
  for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
  return s;
}

export function skeleton(folded: string): string {
  const s = folded
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=.)h$/, '');
  return s.length > 0 ? s : folded;
}

/** 'WATTANA, Somchai' -> 'Somchai WATTANA' (one comma only: more commas are a list, left alone). */
function turnRound(raw: string): string {
  const parts = raw.split(',');
  if (parts.length !== 2) return raw;
  const [surname, given] = parts as [string, string];
  return given.trim() && surname.trim() ? `${given.trim()} ${surname.trim()}` : raw;
}

export function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/['`\u2019\u02bc]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function build(raw: string): NameForm {
  const { text, nonLatin, vowelsImplied } = transliterate(turnRound(raw.normalize('NFC')));
  const latin = clean(text);
  const tokens = latin ? latin.split(' ') : [];
  const folded = tokens.map(fold);
  return { raw, latin, tokens, folded, skeletons: folded.map(skeleton), nonLatin, vowelsImplied };
}

const cache = new Map<string, NameForm>();
const CACHE_LIMIT = 50_000;

/** Memoised: a new person is compared with hundreds of candidates whose names repeat. */
export function prepareName(raw: string): NameForm {
  let form = cache.get(raw);
  if (form) return form;
  form = build(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, form);
  return form;
}

export function normaliseName(name: string): { latin: string; tokens: string[]; key: string } {
  const form = prepareName(name);
  return {
    latin: form.latin,
    tokens: [...new Set(form.tokens)].sort(),
    key: [...new Set(form.folded)].sort().join(' '),
  };
}
