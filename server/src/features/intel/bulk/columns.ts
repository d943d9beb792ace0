import {
  type Audience,
  CENTRE_STATUSES,
  CRYPTO_CHAINS,
  HANDLE_PLATFORMS,
  type Marking,
  ORGANISATION_KINDS,
  PAP_LEVELS,
  PERSON_ROLES,
  REGIONS,
  RELATIONSHIP_TYPES,
  type Region,
  SELECTOR_KINDS,
  TLP_LEVELS,
} from '@cordon/contracts';
import { countryCode } from '../selectors/common.ts';

/** The columns of a bulk file, in the documented order (README.md). Unknown columns are ignored. */
export const COLUMNS = [
  'report_ref',
  'report_title',
  'report_summary',
  'tlp',
  'audience',
  'pap',
  'grade',
  'mo_tags',
  'entity_type',
  'entity_ref',
  'selector_kind',
  'value',
  'country',
  'platform',
  'chain',
  'names',
  'date_of_birth',
  'nationalities',
  'gender',
  'role',
  'status',
  'address',
  'lat',
  'lon',
  'workforce',
  'related_to',
  'relationship',
] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: Column[] = ['report_ref', 'entity_type'];
export const ENTITY_TYPES = ['person', 'organisation', 'scam-centre', 'selector'] as const;

/** A parsed cell, or the reason it is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

export const REF = /^[A-Za-z0-9_.:-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MO_TAG = /^[a-z0-9-]{1,64}$/;

/** `a; b ;c` → ['a','b','c'] (empty items dropped). */
export const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** Case-insensitive pick from a vocabulary, with an optional prefix such as `TLP:`. */
export function oneOf<T extends string>(cell: string, allowed: readonly T[], prefix = ''): Parsed<T> {
  let v = cell.trim().toLowerCase();
  if (prefix && v.startsWith(prefix)) v = v.slice(prefix.length);
  const hit = allowed.find((a) => a.toLowerCase() === v);
  return hit ? ok(hit) : bad(`'${cell}' is not one of ${allowed.join(', ')}`);
}

export function parseTlp(cell: string): Parsed<Marking['tlp']> {
  return cell.trim().toLowerCase().replace(/^tlp:/, '') === 'white' ? ok('CLEAR') : oneOf(cell, TLP_LEVELS, 'tlp:');
}

export function parsePap(cell: string): Parsed<Marking['pap']> {
  return cell.trim().toLowerCase().replace(/^pap:/, '') === 'white' ? ok('CLEAR') : oneOf(cell, PAP_LEVELS, 'pap:');
}

/** Admiralty grade, e.g. `B2`. */
export function parseGrade(cell: string): Parsed<Pick<Marking, 'reliability' | 'credibility'>> {
  const m = /^([A-F])([1-6])$/i.exec(cell.trim());
  if (!m) return bad(`'${cell}' is not an Admiralty grade (A–F then 1–6, e.g. B2)`);
  return ok({
    reliability: m[1]!.toUpperCase() as Marking['reliability'],
    credibility: m[2] as Marking['credibility'],
  });
}

/** `all` | `regions:Asia;Europe` | `agencies:<uuid>;<uuid>`. */
export function parseAudience(cell: string): Parsed<Audience> {
  const text = cell.trim();
  if (text.toLowerCase() === 'all') return ok({ kind: 'all' });
  const m = /^(regions|agencies)\s*:(.*)$/i.exec(text);
  if (!m) return bad(`'${cell}' is not an audience (all, regions:Asia;Europe or agencies:<id>;<id>)`);
  const items = list(m[2]!);
  if (items.length === 0) return bad(`'${cell}' names no ${m[1]!.toLowerCase()}`);
  if (m[1]!.toLowerCase() === 'regions') {
    const regions: Region[] = [];
    for (const r of items) {
      const p = oneOf(r, REGIONS);
      if (!p.ok) return p;
      if (!regions.includes(p.value)) regions.push(p.value);
    }
    return ok({ kind: 'regions', regions });
  }
  const wrong = items.find((a) => !UUID.test(a));
  if (wrong) return bad(`'${wrong}' is not an agency id (a UUID)`);
  return ok({ kind: 'agencies', agencyIds: [...new Set(items.map((a) => a.toLowerCase()))] });
}

export function parseMoTags(cell: string, known?: ReadonlySet<string>): Parsed<string[]> {
  const tags = list(cell).map((t) => t.toLowerCase());
  const wrong = tags.find((t) => !MO_TAG.test(t));
  if (wrong) return bad(`'${wrong}' is not an MO code (lower-case letters, digits and -)`);
  const unknown = known ? tags.filter((t) => !known.has(t)) : [];
  if (unknown.length) return bad(`not in the modus-operandi taxonomy: ${unknown.join(', ')}`);
  return ok(tags);
}

export function parseCountry(cell: string): Parsed<string> {
  const code = countryCode(cell);
  return code ? ok(code) : bad(`'${cell}' is not an ISO 3166-1 alpha-2 country code`);
}

export function parseCountries(cell: string): Parsed<string[]> {
  const out: string[] = [];
  for (const c of list(cell)) {
    const p = parseCountry(c);
    if (!p.ok) return p;
    if (!out.includes(p.value)) out.push(p.value);
  }
  return out.length > 5 ? bad('at most 5 nationalities') : ok(out);
}

export function parseNames(cell: string): Parsed<string[]> {
  const names = [...new Set(list(cell))];
  if (names.length === 0) return bad('at least one name is needed');
  if (names.length > 20) return bad('at most 20 names');
  const long = names.find((n) => n.length > 200);
  return long ? bad(`name longer than 200 characters: '${long.slice(0, 40)}…'`) : ok(names);
}

export function parseDate(cell: string): Parsed<string> {
  return PARTIAL_DATE.test(cell.trim())
    ? ok(cell.trim())
    : bad(`'${cell}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
}

export function parseNumber(cell: string, min: number, max: number, integer = false): Parsed<number> {
  const n = Number(cell.trim().replace(',', '.'));
  if (cell.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    return bad(`'${cell}' is not ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}`);
  return ok(n);
}

export const parseRef = (cell: string): Parsed<string> =>
  REF.test(cell.trim()) ? ok(cell.trim()) : bad(`'${cell}' is not a ref (1–64 letters, digits, _ . : -)`);
export const isUuid = (v: string): boolean => UUID.test(v);

export const VOCAB = {
  entityType: ENTITY_TYPES,
  selectorKind: SELECTOR_KINDS,
  platform: HANDLE_PLATFORMS,
  chain: CRYPTO_CHAINS,
  personRole: PERSON_ROLES,
  orgKind: ORGANISATION_KINDS,
  status: CENTRE_STATUSES,
  relationship: RELATIONSHIP_TYPES,
  gender: ['female', 'male', 'other', 'unknown'] as const,
};
