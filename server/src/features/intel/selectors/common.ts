import worldCountries from 'world-countries';
import type { NormaliseResult, SelectorKind } from './types.ts';

/** Builds a success result; the key is always `${kind}:${value}`. */
export function ok(
  kind: SelectorKind,
  value: string,
  display: string,
  details: Record<string, string>,
): NormaliseResult {
  return { ok: true, selector: { kind, key: `${kind}:${value}`, display, value, details } };
}

export function fail(reason: string): NormaliseResult {
  return { ok: false, reason };
}

/** Longest value accepted for any kind; stops pathological input before any library sees it. */
export const MAX_INPUT_LENGTH = 4096;

// Copy-paste from chats and PDFs brings zero-width spaces, joiners and BOMs along with the value.
// They are only stripped at the edges (with ordinary whitespace): inside a value they could matter.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const JUNK_CHAR = /[\s\u200B-\u200D\u2060\uFEFF]/;

export function clean(value: string): string {
  if (value.length === 0) return value;
  if (JUNK_CHAR.test(value[0]!) || JUNK_CHAR.test(value[value.length - 1]!)) return value.replace(EDGE_JUNK, '');
  return value;
}

// Threat-intelligence feeds "defang" indicators so nobody clicks them: hxxp://, example[.]com,
// user[@]example.com, [:]//. Re-fanging is the standard reverse transformation, not a guess.
const DEFANG_HINT = /hxxp|\[|\(\.\)|\{\.\}/i;
const DEFANG_SCHEME = /^hxxp(s?)(\[?:\]?)/i;
const DEFANG_DOT = /\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi;
const DEFANG_AT = /\[@\]|\[at\]/gi;
const DEFANG_COLON = /\[:\]/g;

export function refang(value: string): string {
  if (!DEFANG_HINT.test(value)) return value;
  return value
    .replace(DEFANG_SCHEME, (_m, s: string) => `http${s.toLowerCase()}:`)
    .replace(DEFANG_DOT, '.')
    .replace(DEFANG_AT, '@')
    .replace(DEFANG_COLON, ':');
}

const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (worldCountries as unknown as { cca2: string }[]).map((c) => c.cca2),
);

/** Upper-cased ISO 3166-1 alpha-2 code, or undefined when it is not a known country. */
export function countryCode(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const code = country.trim().toUpperCase();
  return COUNTRY_CODES.has(code) ? code : undefined;
}

/** Resolves a required country hint or explains what is wrong with it. */
export function requireCountry(country: string | undefined, what: string): { code: string } | { reason: string } {
  if (country === undefined || country.trim() === '') return { reason: `${what} needs a country (ISO 3166-1 alpha-2)` };
  const code = countryCode(country);
  return code ? { code } : { reason: `unknown country code '${country}' (expected ISO 3166-1 alpha-2)` };
}
