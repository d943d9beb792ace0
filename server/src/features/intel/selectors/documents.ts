import { fail, ok, requireCountry } from './common.ts';
import type { NormaliseResult, SelectorInput, SelectorKind } from './types.ts';

// Passports, national identity numbers and company registrations are only unique within the issuing
// country, so the country is part of the key: passport:TH:AA1234567. Separators (spaces, dashes,
// dots, slashes) are formatting, not content, and are removed; letters are upper-cased. Only basic
// shape checks are made: national formats vary too much to validate without a per-country table,
// and refusing a genuine number would be worse than keeping an odd one.

type DocumentKind = Extract<SelectorKind, 'passport' | 'national-id' | 'company-registration'>;

const SEPARATORS = /[\s.\-/]/g;
const RULES: Record<DocumentKind, { pattern: RegExp; label: string; rule: string }> = {
  passport: { pattern: /^[A-Z0-9]{5,20}$/, label: 'a passport number', rule: '5–20 letters and digits' },
  'national-id': { pattern: /^[A-Z0-9]{4,30}$/, label: 'a national identity number', rule: '4–30 letters and digits' },
  'company-registration': {
    pattern: /^[A-Z0-9]{2,40}$/,
    label: 'a company registration number',
    rule: '2–40 letters and digits',
  },
};
const HAS_DIGIT = /\d/;

export function normaliseDocument(kind: DocumentKind, value: string, input: SelectorInput): NormaliseResult {
  const rule = RULES[kind];
  const country = requireCountry(input.country, rule.label);
  if ('reason' in country) return fail(country.reason);
  const number = value.replace(SEPARATORS, '').toUpperCase();
  if (!rule.pattern.test(number)) return fail(`invalid ${kind} number (${rule.rule} after removing separators)`);
  // A number without a single digit is almost always a name or a placeholder ("UNKNOWN", "NONE").
  if (!HAS_DIGIT.test(number)) return fail(`invalid ${kind} number (contains no digit)`);
  return ok(kind, `${country.code}:${number}`, `${number} (${country.code})`, { country: country.code });
}
