import type { NewRescuePerson } from '@cordon/contracts';
import { parse } from 'csv-parse/sync';
import { countryOf } from '../agencies/countries.ts';
import { isValidDate } from './protocol.ts';

export interface RowError {
  /** 1-based data row (CSV: the header is row 0) or index+1 of a JSON row */
  row: number;
  field: string;
  message: string;
}

export interface PersonRow {
  row: number;
  person: NewRescuePerson;
  minor: boolean;
}

const COLS: Record<string, keyof NewRescuePerson> = {
  rowkey: 'rowKey',
  key: 'rowKey',
  id: 'rowKey',
  name: 'name',
  fullname: 'name',
  aliases: 'aliases',
  alias: 'aliases',
  nationality: 'nationality',
  country: 'nationality',
  dateofbirth: 'dateOfBirth',
  dob: 'dateOfBirth',
  birthdate: 'dateOfBirth',
  age: 'age',
  minor: 'minor',
  gender: 'gender',
  sex: 'gender',
  languages: 'languages',
  language: 'languages',
  contacts: 'contacts',
  contact: 'contacts',
  description: 'description',
  notes: 'description',
};
const GENDER: Record<string, NewRescuePerson['gender']> = {
  f: 'female',
  female: 'female',
  m: 'male',
  male: 'male',
  other: 'other',
  x: 'other',
  unknown: 'unknown',
  '': 'unknown',
};
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : String(v ?? '').split(/[;|]/)).map((s) => s.trim()).filter(Boolean);

/** A birth date as written: YYYY, YYYY-MM or YYYY-MM-DD, real, not in the future, not before 1900. */
export function checkBirthDate(v: string, today: string): string | null {
  const m = v.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return `"${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  if (m[3] && !isValidDate(v)) return `${v} is not a real date`;
  if (m[2] && !m[3] && (Number(m[2]) < 1 || Number(m[2]) > 12)) return `${v} is not a real month`;
  if (Number(m[1]) < 1900) return `${v} is impossibly early`;
  if (v > today.slice(0, v.length)) return `${v} is in the future`;
  return null;
}

function ageOn(dob: string, today: string): number | null {
  if (dob.length < 4) return null;
  const years = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
  if (dob.length === 10) return today.slice(5) < dob.slice(5) ? years - 1 : years;
  return years;
}

/**
 * Validates one person (from JSON or a CSV record): the person as stored, or the row's errors with
 * their field. `field` paths are prefixed with `prefix` (e.g. `persons.3.`).
 */
export function readPerson(
  raw: Record<string, unknown>,
  row: number,
  today: string,
  prefix = '',
): { ok: PersonRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (field: string, message: string) => errors.push({ row, field: prefix + field, message });
  const get = (k: keyof NewRescuePerson) => {
    const v = raw[k];
    return v === undefined || v === null ? undefined : v;
  };
  const name = String(get('name') ?? '').trim();
  if (!name) err('name', 'is required');
  else if (name.length > 200) err('name', 'is longer than 200 characters');
  const nationality = String(get('nationality') ?? '')
    .trim()
    .toUpperCase();
  if (!nationality) err('nationality', 'is required');
  else if (!/^[A-Z]{2}$/.test(nationality) || !countryOf(nationality))
    err('nationality', `"${nationality}" is not an ISO 3166-1 country code`);
  const dobRaw = get('dateOfBirth');
  const dateOfBirth = dobRaw === undefined ? '' : String(dobRaw).trim();
  if (dateOfBirth) {
    const bad = checkBirthDate(dateOfBirth, today);
    if (bad) err('dateOfBirth', bad);
  }
  let age: number | undefined;
  const ageRaw = get('age');
  if (ageRaw !== undefined && String(ageRaw).trim() !== '') {
    age = Number(ageRaw);
    if (!Number.isInteger(age) || age < 0 || age > 120) err('age', `"${String(ageRaw)}" is not an age (0–120)`);
  }
  const genderRaw = String(get('gender') ?? '')
    .trim()
    .toLowerCase();
  const gender = GENDER[genderRaw];
  if (gender === undefined) err('gender', `"${genderRaw}" is not female, male, other or unknown`);
  const minorRaw = get('minor');
  let minorGiven: boolean | undefined;
  if (typeof minorRaw === 'boolean') minorGiven = minorRaw;
  else if (minorRaw !== undefined && String(minorRaw).trim() !== '') {
    const m = String(minorRaw).trim().toLowerCase();
    if (['1', 'true', 'yes', 'y'].includes(m)) minorGiven = true;
    else if (['0', 'false', 'no', 'n'].includes(m)) minorGiven = false;
    else err('minor', `"${m}" is not yes or no`);
  }
  const rowKeyRaw = get('rowKey');
  const rowKey = rowKeyRaw === undefined ? undefined : String(rowKeyRaw).trim() || undefined;
  if (rowKey && rowKey.length > 100) err('rowKey', 'is longer than 100 characters');
  const description = String(get('description') ?? '');
  if (description.length > 2000) err('description', 'is longer than 2000 characters');
  const aliases = list(get('aliases'));
  const languages = list(get('languages'));
  const contacts = list(get('contacts'));
  if (aliases.length > 5) err('aliases', 'at most 5');
  if (contacts.length > 5) err('contacts', 'at most 5');
  if (languages.length > 10) err('languages', 'at most 10');
  if (errors.length > 0) return { errors };
  const derivedAge = dateOfBirth ? ageOn(dateOfBirth, today) : (age ?? null);
  const minor = minorGiven ?? (derivedAge !== null && derivedAge < 18);
  const person: NewRescuePerson = {
    name,
    nationality,
    ...(rowKey ? { rowKey } : {}),
    ...(aliases.length ? { aliases } : {}),
    ...(languages.length ? { languages } : {}),
    ...(contacts.length ? { contacts } : {}),
    ...(dateOfBirth ? { dateOfBirth } : {}),
    ...(age !== undefined ? { age } : {}),
    minor,
    gender: gender ?? 'unknown',
    ...(description ? { description } : {}),
  };
  return { ok: { row, person, minor } };
}

/** CSV text → records keyed by the person's field names (headers are matched loosely). */
export function parseCsv(text: string): { records: Record<string, unknown>[]; errors: RowError[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    return { records: [], errors: [{ row: 0, field: 'csv', message: (e as Error).message }] };
  }
  const [header, ...data] = rows;
  if (!header) return { records: [], errors: [{ row: 0, field: 'csv', message: 'the file is empty' }] };
  const cols = header.map((h) => COLS[h.toLowerCase().replace(/[^a-z]/g, '')] ?? null);
  const unknown = header.filter((_, i) => cols[i] === null);
  if (!cols.includes('name') || !cols.includes('nationality'))
    return {
      records: [],
      errors: [{ row: 0, field: 'csv', message: 'the header needs at least name and nationality' }],
    };
  const errors: RowError[] = unknown.map((h) => ({ row: 0, field: h, message: 'unknown column (ignored)' }));
  const records = data.map((cells) => {
    const r: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      if (c && cells[i] !== undefined && cells[i] !== '') r[c] = cells[i];
    });
    return r;
  });
  return { records, errors };
}
