import type {
  CENTRE_STATUSES,
  CREDIBILITY,
  CRYPTO_CHAINS,
  HANDLE_PLATFORMS,
  Marking,
  NewReport,
  ORGANISATION_KINDS,
  PAP_LEVELS,
  PERSON_ROLES,
  RELATIONSHIP_TYPES,
  RELIABILITY,
  Region,
  SELECTOR_KINDS,
  TLP_LEVELS,
} from '@cordon/contracts';

/** The new-report form's values: one row per repeatable item, strings as typed. */
export interface SelectorRow {
  ref: string;
  kind: (typeof SELECTOR_KINDS)[number];
  value: string;
  country: string | null;
  platform: (typeof HANDLE_PLATFORMS)[number] | null;
  chain: (typeof CRYPTO_CHAINS)[number] | null;
}
export interface PersonRow {
  ref: string;
  name: string;
  aliases: string[];
  dateOfBirth: string;
  nationalities: string[];
  role: (typeof PERSON_ROLES)[number];
}
export interface OrganisationRow {
  ref: string;
  name: string;
  aliases: string[];
  kind: (typeof ORGANISATION_KINDS)[number];
  country: string | null;
}
export interface CentreRow {
  ref: string;
  name: string;
  country: string | null;
  lat: number | string;
  lon: number | string;
  status: (typeof CENTRE_STATUSES)[number];
  workforce: number | string;
}
export interface RelationshipRow {
  ref: string;
  from: string | null;
  to: string | null;
  type: (typeof RELATIONSHIP_TYPES)[number] | null;
}
export type AudienceKind = 'all' | 'regions' | 'agencies';

export interface ReportFormValues {
  title: string;
  summary: string;
  tlp: (typeof TLP_LEVELS)[number];
  audience: AudienceKind;
  regions: Region[];
  agencyIds: string[];
  pap: (typeof PAP_LEVELS)[number];
  reliability: (typeof RELIABILITY)[number];
  credibility: (typeof CREDIBILITY)[number];
  moTags: string[];
  selectors: SelectorRow[];
  persons: PersonRow[];
  organisations: OrganisationRow[];
  scamCentres: CentreRow[];
  relationships: RelationshipRow[];
}

export type Section = 'selectors' | 'persons' | 'organisations' | 'scamCentres' | 'relationships';
export const REF_PREFIX: Record<Section, string> = {
  selectors: 's',
  persons: 'p',
  organisations: 'o',
  scamCentres: 'c',
  relationships: 'r',
};

/** Selector kinds for which a country says how to read the value (national phone formats, ids). */
export const COUNTRY_KINDS: ReadonlySet<SelectorRow['kind']> = new Set([
  'phone',
  'bank-account',
  'passport',
  'national-id',
  'company-registration',
]);

export const emptyValues = (): ReportFormValues => ({
  title: '',
  summary: '',
  tlp: 'AMBER',
  audience: 'all',
  regions: [],
  agencyIds: [],
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
  moTags: [],
  selectors: [],
  persons: [],
  organisations: [],
  scamCentres: [],
  relationships: [],
});

export const emptyRow = {
  selectors: (ref: string): SelectorRow => ({
    ref,
    kind: 'phone',
    value: '',
    country: null,
    platform: null,
    chain: null,
  }),
  persons: (ref: string): PersonRow => ({
    ref,
    name: '',
    aliases: [],
    dateOfBirth: '',
    nationalities: [],
    role: 'suspect',
  }),
  organisations: (ref: string): OrganisationRow => ({ ref, name: '', aliases: [], kind: 'syndicate', country: null }),
  scamCentres: (ref: string): CentreRow => ({
    ref,
    name: '',
    country: null,
    lat: '',
    lon: '',
    status: 'active',
    workforce: '',
  }),
  relationships: (ref: string): RelationshipRow => ({ ref, from: null, to: null, type: null }),
};

/** For each section, the form row index of each item sent (blank rows are not sent). */
export type RowMap = Record<Section, number[]>;

const trim = (s: string) => s.trim();
const num = (v: number | string): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

function marking(v: ReportFormValues): Marking {
  const audience: Marking['audience'] =
    v.audience === 'regions'
      ? { kind: 'regions', regions: v.regions }
      : v.audience === 'agencies'
        ? { kind: 'agencies', agencyIds: v.agencyIds }
        : { kind: 'all' };
  return { tlp: v.tlp, audience, pap: v.pap, reliability: v.reliability, credibility: v.credibility };
}

/** Keeps the rows `keep` accepts, remembering which form row each kept item came from. */
function pick<R, O>(rows: R[], keep: (r: R) => boolean, map: (r: R) => O): { items: O[]; index: number[] } {
  const items: O[] = [];
  const index: number[] = [];
  rows.forEach((r, i) => {
    if (!keep(r)) return;
    items.push(map(r));
    index.push(i);
  });
  return { items, index };
}

/** The form as a NewReport: trimmed, blank rows left out, optional fields only when given. */
export function toNewReport(v: ReportFormValues): { body: NewReport; rows: RowMap } {
  const selectors = pick(
    v.selectors,
    (s) => trim(s.value) !== '',
    (s) => ({
      ref: s.ref,
      kind: s.kind,
      value: trim(s.value),
      ...(s.country && COUNTRY_KINDS.has(s.kind) ? { country: s.country } : {}),
      ...(s.platform && s.kind === 'handle' ? { platform: s.platform } : {}),
      ...(s.chain && s.kind === 'crypto' ? { chain: s.chain } : {}),
    }),
  );
  const persons = pick(
    v.persons,
    (p) => trim(p.name) !== '' || p.aliases.some((a) => trim(a) !== ''),
    (p) => ({
      ref: p.ref,
      names: [trim(p.name), ...p.aliases.map(trim).filter(Boolean)].filter(Boolean),
      ...(trim(p.dateOfBirth) ? { dateOfBirth: trim(p.dateOfBirth) } : {}),
      ...(p.nationalities.length > 0 ? { nationalities: p.nationalities } : {}),
      role: p.role,
    }),
  );
  const organisations = pick(
    v.organisations,
    (o) => trim(o.name) !== '',
    (o) => {
      const aliases = o.aliases.map(trim).filter(Boolean);
      return {
        ref: o.ref,
        name: trim(o.name),
        ...(aliases.length > 0 ? { aliases } : {}),
        kind: o.kind,
        ...(o.country ? { country: o.country } : {}),
      };
    },
  );
  const scamCentres = pick(
    v.scamCentres,
    (c) => trim(c.name) !== '',
    (c) => {
      const lat = num(c.lat);
      const lon = num(c.lon);
      const workforce = num(c.workforce);
      return {
        ref: c.ref,
        name: trim(c.name),
        country: c.country ?? '',
        ...(lat !== null && lon !== null ? { location: { lat, lon } } : {}),
        status: c.status,
        ...(workforce !== null ? { workforce } : {}),
      };
    },
  );
  const relationships = pick(
    v.relationships,
    (r) => Boolean(r.from || r.to || r.type),
    (r) => ({ from: r.from ?? '', to: r.to ?? '', type: r.type ?? 'uses' }),
  );
  const body: NewReport = {
    title: trim(v.title),
    summary: trim(v.summary),
    marking: marking(v),
    moTags: v.moTags,
    ...(persons.items.length ? { persons: persons.items } : {}),
    ...(organisations.items.length ? { organisations: organisations.items } : {}),
    ...(scamCentres.items.length ? { scamCentres: scamCentres.items } : {}),
    ...(selectors.items.length ? { selectors: selectors.items } : {}),
    ...(relationships.items.length ? { relationships: relationships.items } : {}),
  };
  return {
    body,
    rows: {
      selectors: selectors.index,
      persons: persons.index,
      organisations: organisations.index,
      scamCentres: scamCentres.index,
      relationships: relationships.index,
    },
  };
}

export type ClientErrorKey =
  | 'titleShort'
  | 'regionsRequired'
  | 'agenciesRequired'
  | 'countryRequired'
  | 'bothCoordinates'
  | 'nameRequired'
  | 'partialDate'
  | 'pick';

/** Checks made before sending, as i18n keys under `intel.form.errors` by form path. */
export function clientErrors(v: ReportFormValues): Record<string, ClientErrorKey> {
  const out: Record<string, ClientErrorKey> = {};
  if (trim(v.title).length < 3) out.title = 'titleShort';
  if (v.audience === 'regions' && v.regions.length === 0) out.regions = 'regionsRequired';
  if (v.audience === 'agencies' && v.agencyIds.length === 0) out.agencyIds = 'agenciesRequired';
  v.scamCentres.forEach((c, i) => {
    if (trim(c.name) === '') return;
    if (!c.country) out[`scamCentres.${i}.country`] = 'countryRequired';
    const lat = num(c.lat);
    const lon = num(c.lon);
    if ((lat === null) !== (lon === null)) out[`scamCentres.${i}.${lat === null ? 'lat' : 'lon'}`] = 'bothCoordinates';
  });
  v.persons.forEach((p, i) => {
    if (trim(p.name) === '' && p.aliases.some((a) => trim(a) !== '')) out[`persons.${i}.name`] = 'nameRequired';
    if (trim(p.dateOfBirth) && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(trim(p.dateOfBirth)))
      out[`persons.${i}.dateOfBirth`] = 'partialDate';
  });
  v.relationships.forEach((r, i) => {
    if (!(r.from || r.to || r.type)) return;
    if (!r.from) out[`relationships.${i}.from`] = 'pick';
    if (!r.to) out[`relationships.${i}.to`] = 'pick';
    if (!r.type) out[`relationships.${i}.type`] = 'pick';
  });
  return out;
}

const SECTIONS = new Set<string>(['selectors', 'persons', 'organisations', 'scamCentres', 'relationships']);

/** Sub-paths of a row item that have a different name (or place) in the form. */
function rowField(section: string, rest: string[]): string {
  const [head, index] = rest;
  if (section === 'persons' && head === 'names') return index === undefined || index === '0' ? 'name' : 'aliases';
  if (section === 'scamCentres' && head === 'location') return index === 'lon' ? 'lon' : 'lat';
  return head ?? '';
}

/**
 * The form path for a server error field: `selectors.3.value` → `selectors.<form row>.value`,
 * `marking.audience.regions` → `regions`, `moTags.1` → `moTags`. Null when no field matches.
 */
export function formPathFor(field: string, rows: RowMap, audience: AudienceKind): string | null {
  const parts = field
    .replace(/^\/?(body[/.])?/, '')
    .split(/[/.]/)
    .filter(Boolean);
  const [top, second, ...rest] = parts;
  if (!top) return null;
  if (top === 'title' || top === 'summary') return top;
  if (top === 'moTags') return 'moTags';
  if (top === 'marking') {
    if (second === 'audience')
      return audience === 'regions' ? 'regions' : audience === 'agencies' ? 'agencyIds' : 'audience';
    return second && ['tlp', 'pap', 'reliability', 'credibility'].includes(second) ? second : null;
  }
  if (SECTIONS.has(top)) {
    const sent = Number(second);
    const row = Number.isInteger(sent) ? rows[top as Section][sent] : undefined;
    if (row === undefined) return null;
    const sub = rowField(top, rest);
    return sub ? `${top}.${row}.${sub}` : `${top}.${row}`;
  }
  return null;
}

/** Messages that a union (anyOf) schema adds for the branches not taken: shown only if nothing better. */
const NOISE =
  /^(is not a known field|must be equal to constant|must match a schema in anyOf|must match exactly one schema in oneOf)$/;

/** Server field errors placed on form paths; the ones without a field go to `general`. */
export function serverErrorsToForm(
  errors: { field: string; message: string }[],
  rows: RowMap,
  audience: AudienceKind,
): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of errors) {
    const path = formPathFor(e.field, rows, audience);
    if (!path) {
      general.push(e.field ? `${e.field}: ${e.message}` : e.message);
      continue;
    }
    const current = fields[path];
    if (current === undefined || (NOISE.test(current) && !NOISE.test(e.message))) fields[path] = e.message;
  }
  return { fields, general };
}

/** After a row is removed, relationships that pointed at it point nowhere (the user picks again). */
export function dropRef(relationships: RelationshipRow[], ref: string): RelationshipRow[] {
  return relationships.map((r) => ({
    ...r,
    from: r.from === ref ? null : r.from,
    to: r.to === ref ? null : r.to,
  }));
}
