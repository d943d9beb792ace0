import type { NewReport } from '@cordon/contracts';
import { normaliseSelector } from '../selectors/index.ts';
import {
  type Column,
  oneOf,
  type Parsed,
  parseCountries,
  parseCountry,
  parseDate,
  parseNames,
  parseNumber,
  VOCAB,
} from './columns.ts';

type NewPerson = NonNullable<NewReport['persons']>[number];
type NewOrganisation = NonNullable<NewReport['organisations']>[number];
type NewScamCentre = NonNullable<NewReport['scamCentres']>[number];
type NewSelector = NonNullable<NewReport['selectors']>[number];

export type RowEntity =
  | { kind: 'person'; data: Omit<NewPerson, 'ref'> }
  | { kind: 'organisation'; data: Omit<NewOrganisation, 'ref'> }
  | { kind: 'scam-centre'; data: Omit<NewScamCentre, 'ref'> }
  | { kind: 'selector'; data: Omit<NewSelector, 'ref'>; key: string };

export interface CellError {
  field: Column;
  message: string;
}

/** Reads the cells of one entity row; collects every cell error rather than stopping at the first. */
export class CellReader {
  readonly errors: CellError[] = [];
  constructor(private readonly cells: Partial<Record<Column, string>>) {}

  text(field: Column): string | undefined {
    const v = this.cells[field]?.trim();
    return v ? v : undefined;
  }

  /** The parsed cell; undefined when empty (or when `required`, an error) or invalid (an error). */
  get<T>(field: Column, parse: (cell: string) => Parsed<T>, required = false): T | undefined {
    const cell = this.text(field);
    if (cell === undefined) {
      if (required) this.errors.push({ field, message: 'required for this entity_type' });
      return undefined;
    }
    const p = parse(cell);
    if (p.ok) return p.value;
    this.errors.push({ field, message: p.message });
    return undefined;
  }

  fail(field: Column, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }
}

const pick =
  <T extends string>(allowed: readonly T[]) =>
  (cell: string) =>
    oneOf(cell, allowed);

function person(r: CellReader): RowEntity | undefined {
  const names = r.get('names', parseNames, true);
  const role = r.get('role', pick(VOCAB.personRole), true);
  const dateOfBirth = r.get('date_of_birth', parseDate);
  const nationalities = r.get('nationalities', parseCountries);
  const gender = r.get('gender', pick(VOCAB.gender));
  if (!names || !role) return undefined;
  const data: Omit<NewPerson, 'ref'> = { names, role };
  if (dateOfBirth) data.dateOfBirth = dateOfBirth;
  if (nationalities?.length) data.nationalities = nationalities;
  if (gender) data.gender = gender;
  return { kind: 'person', data };
}

function organisation(r: CellReader): RowEntity | undefined {
  const names = r.get('names', parseNames, true);
  const kind = r.get('role', pick(VOCAB.orgKind)) ?? 'other';
  const country = r.get('country', parseCountry);
  if (!names) return undefined;
  const [name, ...aliases] = names as [string, ...string[]];
  const data: Omit<NewOrganisation, 'ref'> = { name, kind };
  if (aliases.length) data.aliases = aliases;
  if (country) data.country = country;
  return { kind: 'organisation', data };
}

function centre(r: CellReader): RowEntity | undefined {
  const names = r.get('names', parseNames, true);
  const country = r.get('country', parseCountry, true);
  const status = r.get('status', pick(VOCAB.status)) ?? 'active';
  const lat = r.get('lat', (c) => parseNumber(c, -90, 90));
  const lon = r.get('lon', (c) => parseNumber(c, -180, 180));
  const workforce = r.get('workforce', (c) => parseNumber(c, 0, 100_000, true));
  const address = r.text('address');
  if (address && address.length > 500) r.fail('address', 'longer than 500 characters');
  if ((r.text('lat') === undefined) !== (r.text('lon') === undefined)) r.fail('lat', 'lat and lon go together');
  if (!names || !country) return undefined;
  const [name, ...aliases] = names as [string, ...string[]];
  const data: Omit<NewScamCentre, 'ref'> = { name, country, status };
  if (aliases.length) data.aliases = aliases;
  if (lat !== undefined && lon !== undefined) data.location = { lat, lon };
  if (address) data.address = address;
  if (workforce !== undefined) data.workforce = workforce;
  return { kind: 'scam-centre', data };
}

function selector(r: CellReader, defaultCountry: string | undefined): RowEntity | undefined {
  const before = r.errors.length;
  const kind = r.get('selector_kind', pick(VOCAB.selectorKind), true);
  const value = r.get(
    'value',
    (c) => (c.length > 500 ? { ok: false, message: 'longer than 500 characters' } : { ok: true, value: c }),
    true,
  );
  const country = r.get('country', parseCountry);
  const platform = r.get('platform', pick(VOCAB.platform));
  const chain = r.get('chain', pick(VOCAB.chain));
  if (!kind || !value || r.errors.length > before) return undefined;
  const data: Omit<NewSelector, 'ref'> = { kind, value };
  if (country) data.country = country;
  if (platform) data.platform = platform;
  if (chain) data.chain = chain;
  // The same normaliser the service runs, with the same default region (the submitter's country).
  const n = normaliseSelector({ ...data, country: country ?? defaultCountry });
  if (!n.ok) return r.fail('value', n.reason);
  return { kind: 'selector', data, key: n.selector.key };
}

/** The entity a row describes, or undefined with the reasons on the reader. */
export function readEntity(r: CellReader, type: string, defaultCountry?: string): RowEntity | undefined {
  switch (type) {
    case 'person':
      return person(r);
    case 'organisation':
      return organisation(r);
    case 'scam-centre':
      return centre(r);
    case 'selector':
      return selector(r, defaultCountry);
    default:
      return r.fail('entity_type', `'${type}' is not one of ${VOCAB.entityType.join(', ')}`);
  }
}
