import { mulberry32 } from '../../../platform/prng.ts';
import { ALIASES, REGIONS, type Region } from './synthetic-data.ts';
import type { PersonFacts } from './types.ts';

/**
 * A deterministic synthetic population for tests and measurements: `count` people, each recorded
 * twice by two agencies (record A and a variant record B of the same person): other script,
 * romanisation variants, a typo, surname-first order, dropped middle name, an alias as primary
 * name, partial or missing date of birth. Test support only; not used at run time.
 */

export interface SyntheticPair {
  a: PersonFacts;
  b: PersonFacts;
  /** what was done to make B from A, for failure messages */
  changes: string[];
}

/** The shared seeded PRNG (platform/prng.ts), by the name this module's callers use. */
export const prng = mulberry32;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const native = (part: string) => part.split(':')[0]!;
const latin = (part: string) => part.split(':').at(-1)!;
const pad = (n: number) => String(n).padStart(2, '0');

/** Spelling variants a clerk or a different romanisation system produces. */
const ROMANISATIONS: [RegExp, string][] = [
  [/t(?!h)/, 'th'],
  [/th/, 't'],
  [/ph/, 'p'],
  [/p(?!h)/, 'ph'],
  [/k(?!h)/, 'kh'],
  [/i$/, 'y'],
  [/y$/, 'i'],
  [/u/, 'ou'],
  [/oo/, 'u'],
  [/ee/, 'i'],
  [/w/, 'v'],
  [/v/, 'w'],
  [/([bdglmnprst])(?=[aeiou])/, '$1$1'],
  [/([bdglmnprst])\1/, '$1'],
];

function romanise(rand: Rand, word: string): string {
  for (let tries = 0; tries < 6; tries++) {
    const [pattern, replacement] = pick(rand, ROMANISATIONS);
    const out = word.replace(pattern, replacement);
    if (out !== word) return out;
  }
  return word;
}

/** One keyboard slip: a swap, a dropped letter or a wrong letter, never the first letter. */
function typo(rand: Rand, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const kind = rand();
  if (kind < 0.34) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind < 0.67) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + pick(rand, [...'aeioulnrst']) + word.slice(i + 1);
}

interface Parts {
  given: string;
  middle?: string;
  surname: string;
}

function write(region: Region, p: Parts, script: 'native' | 'latin'): string {
  const f = script === 'native' ? native : latin;
  const words = [f(p.given), ...(p.middle ? [f(p.middle)] : []), f(p.surname)];
  if (!region.surnameFirst) return words.join(' ');
  if (script === 'native' && p.surname.includes(':')) return f(p.surname) + words.slice(0, -1).join('');
  return [f(p.surname), ...words.slice(0, -1)].join(' ');
}

export function syntheticPairs(count: number, seed = 20240611): SyntheticPair[] {
  const rand = prng(seed);
  const pairs: SyntheticPair[] = [];
  for (let n = 0; n < count; n++) {
    const region = pick(rand, REGIONS);
    const parts: Parts = { given: pick(rand, region.given), surname: pick(rand, region.surnames) };
    if (region.middle && rand() < 0.5) parts.middle = pick(rand, region.middle);
    const year = 1960 + Math.floor(rand() * 45);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const dob = `${year}-${pad(month)}-${pad(day)}`;
    const gender = rand() < 0.5 ? 'female' : 'male';
    const a: PersonFacts = {
      names: [write(region, parts, 'latin')],
      dateOfBirth: dob,
      nationalities: [region.nationality],
      gender,
    };
    const changes: string[] = [];
    const hasNative = parts.given.includes(':') && parts.surname.includes(':');
    let nameB: string;
    if (hasNative && rand() < 0.5) {
      const bParts = { ...parts };
      if (bParts.middle && rand() < 0.5) delete bParts.middle;
      nameB = write(region, bParts, 'native');
      changes.push('native script');
    } else {
      const bParts: Parts = { ...parts };
      if (bParts.middle && rand() < 0.5) {
        delete bParts.middle;
        changes.push('middle name dropped');
      }
      let words = write(region, bParts, 'latin').split(' ');
      if (rand() < 0.6) {
        const i = Math.floor(rand() * words.length);
        words[i] = romanise(rand, words[i]!.toLowerCase());
        changes.push('romanisation');
      }
      if (rand() < 0.2) {
        const i = Math.floor(rand() * words.length);
        words[i] = typo(rand, words[i]!);
        changes.push('typo');
      }
      if (rand() < 0.25) {
        const last = words.length - 1;
        words = [`${words[last]!.toUpperCase()},`, ...words.slice(0, last)];
        changes.push('surname first');
      }
      nameB = words.join(' ');
      if (rand() < 0.5) nameB = nameB.normalize('NFD').replace(/\p{M}/gu, '');
    }
    const b: PersonFacts = { names: [nameB], nationalities: [region.nationality], gender };
    if (rand() < 0.1) {
      b.names.unshift(
        `${pick(rand, ALIASES)}${rand() < 0.5 ? '' : ` ${latin(pick(rand, pick(rand, REGIONS).surnames))}`}`,
      );
      changes.push('alias as primary name');
    }
    const d = rand();
    if (d < 0.6) b.dateOfBirth = dob;
    else if (d < 0.75) b.dateOfBirth = String(year);
    else if (d < 0.82) b.birthYearRange = [year - 3, year + 3];
    else if (d < 0.87 && day <= 12) b.dateOfBirth = `${year}-${pad(day)}-${pad(month)}`;
    if (rand() < 0.1) b.nationalities = [region.nationality, pick(rand, REGIONS).nationality];
    pairs.push({ a, b, changes });
  }
  return pairs;
}
