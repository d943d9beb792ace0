import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  type NumberType,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { countryCode, fail, ok } from './common.ts';
import type { NormaliseResult, SelectorInput } from './types.ts';

// The 'max' metadata is used (not 'min') so that getType() can tell mobile from fixed lines and
// isValid() checks the allocated number ranges, not only the length.

export interface ParsedPhone {
  e164: string;
  display: string;
  details: Record<string, string>;
}

// Digits (any script: libphonenumber folds full-width and Arabic-Indic digits), a plus,
// and the usual punctuation. Letters are refused because libphonenumber would otherwise silently
// drop trailing text ("+66 81 234 5678abc") and read extensions ("ext. 12"), which we do not keep.
const PHONE_TEXT = /^(?:tel:)?[+\uFF0B\p{Nd}\s().\-/\u2010-\u2015]+$/iu;
const INTERNATIONAL = /^[\s(]*\+/;
const LEADING_IDD_00 = /^00(?=[1-9])/;
const TEL_PREFIX = /^tel:/i;
const FULLWIDTH_PLUS = /\uFF0B/g;

const TYPE_NAMES: Record<NumberType & string, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  PREMIUM_RATE: 'premium-rate',
  TOLL_FREE: 'toll-free',
  SHARED_COST: 'shared-cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

const LENGTH_PROBLEMS: Record<string, string> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'wrong length',
  NOT_A_NUMBER: 'not a number',
  INVALID_COUNTRY: 'unknown country calling code',
};

/** `full: false`: the E.164 number only, what a key needs (type and display cost as much again). */
function tryParse(text: string, region: CountryCode | undefined, full: boolean): ParsedPhone | undefined {
  const parsed = parsePhoneNumberFromString(text, region);
  if (!parsed?.isValid()) return undefined;
  if (!full) return { e164: parsed.number, display: '', details: {} };
  const details: Record<string, string> = { callingCode: parsed.countryCallingCode };
  if (parsed.country) details.country = parsed.country;
  const type = parsed.getType();
  if (type) details.type = TYPE_NAMES[type];
  return { e164: parsed.number, display: parsed.formatInternational(), details };
}

/**
 * Parses a phone number to E.164. `country` is the default region for numbers written without a
 * country calling code. Returns the parsed number or a reason.
 */
export function parsePhone(raw: string, country: string | undefined, full = true): ParsedPhone | string {
  if (!PHONE_TEXT.test(raw)) {
    return 'a phone number may contain only digits, spaces, a leading +, and - . / ( ) (no letters or extensions)';
  }
  const text = raw.replace(TEL_PREFIX, '').replace(FULLWIDTH_PLUS, '+');
  const international = INTERNATIONAL.test(text);
  let region: CountryCode | undefined;
  if (country !== undefined && country.trim() !== '') {
    const code = countryCode(country);
    // The country is only a default: a number written with +… does not need a usable one.
    if (code && isSupportedCountry(code)) region = code;
    else if (!international) return `no phone numbering plan known for country '${country}'`;
  }
  if (!international && !region) {
    // "00" is the ITU-recommended international prefix, used in most of the world: without a
    // default region "0066 81…" can only mean "+66 81…".
    if (LEADING_IDD_00.test(text))
      return tryParse(`+${text.slice(2)}`, undefined, full) ?? reasonFor(`+${text.slice(2)}`);
    return 'a national phone number needs a country (or write it with + and the country calling code)';
  }
  // "00" followed by the region's own calling code ("0066 …" in Thailand) is that country's
  // number written internationally, even where the library would read "006" as a local
  // international prefix and find a valid number of another country (Tokelau, +690).
  if (!international && region && LEADING_IDD_00.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.startsWith(`00${getCountryCallingCode(region)}`)) {
      const own = tryParse(`+${digits.slice(2)}`, undefined, full);
      if (own) return own;
    }
  }
  const parsed = tryParse(text, region, full);
  if (parsed) return parsed;
  // With a region, libphonenumber strips that region's own international prefix (011 in the US, 00x
  // in Thailand, where "0066…" reads as prefix 006). Numbers written with the widespread "00" are
  // still tried as "+…" when the library's own reading is not a valid number.
  if (!international && LEADING_IDD_00.test(text)) {
    const alternative = tryParse(`+${text.slice(2)}`, undefined, full);
    if (alternative) return alternative;
  }
  return reasonFor(text, region);
}

function reasonFor(text: string, region?: CountryCode): string {
  const where = region ? ` for ${region}` : '';
  const problem = validatePhoneNumberLength(text, region);
  const detail = problem ? ` (${LENGTH_PROBLEMS[problem] ?? problem.toLowerCase()})` : '';
  return `not a valid phone number${where}${detail}`;
}

export function normalisePhone(value: string, input: SelectorInput): NormaliseResult {
  const parsed = parsePhone(value, input.country);
  if (typeof parsed === 'string') return fail(parsed);
  return ok('phone', parsed.e164, parsed.display, parsed.details);
}

/** The canonical key of a phone number, or the reason it has none: the same parse, without type or display. */
export function phoneKey(
  value: string,
  input: SelectorInput,
): { ok: true; key: string } | { ok: false; reason: string } {
  const parsed = parsePhone(value, input.country, false);
  return typeof parsed === 'string' ? { ok: false, reason: parsed } : { ok: true, key: `phone:${parsed.e164}` };
}
