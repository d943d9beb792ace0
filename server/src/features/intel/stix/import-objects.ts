import { CENTRE_STATUSES, ORGANISATION_KINDS, PERSON_ROLES } from '@cordon/contracts';
import type { Draft, NewOrganisation, NewPerson, NewScamCentre } from './draft.ts';
import { comparisonToInput, parsePattern } from './pattern.ts';
import { scoToInput } from './selectors.ts';
import type { StixObject } from './types.ts';

/** What the conversion of one object needs to know about the rest of its report. */
export interface Scope {
  /** Identities that wrote the report (created_by_ref): sources, not entities. */
  authors: ReadonlySet<string>;
  /** infrastructure id → the location it is located-at (its place). */
  placeOf: ReadonlyMap<string, StixObject>;
  /** threat-actor id → the individual identities it is attributed-to (the same person). */
  personOf: ReadonlyMap<string, StixObject[]>;
  /** Objects merged into another one (places of infrastructures, identities of threat actors). */
  absorbed: ReadonlySet<string>;
}

const SCO_TYPES = new Set([
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
  'x-cordon-selector',
]);
/** Metadata, not intelligence: skipped without a word. */
const QUIET = new Set(['report', 'relationship', 'marking-definition', 'extension-definition', 'language-content']);
const ORG_RESOURCE_LEVELS = new Set(['club', 'contest', 'team', 'organization', 'government']);
const ORG_ACTOR_TYPES = new Set(['crime-syndicate', 'nation-state', 'activist', 'terrorist', 'competitor']);
const COUNTRY = /^[A-Z]{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => !!x) : []);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  (allowed as readonly unknown[]).includes(v) ? (v as T) : undefined;
const country = (v: unknown): string | undefined => {
  const c = str(v)?.toUpperCase();
  return c && COUNTRY.test(c) ? c : undefined;
};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function names(d: Draft, o: StixObject, extra: StixObject[] = []): string[] {
  const all = [o, ...extra].flatMap((x) => [str(x.name), ...strs(x.aliases), ...strs(x.x_cordon_aliases)]);
  const unique = [...new Set(all.filter((n): n is string => !!n))];
  const long = unique.filter((n) => n.length > 200);
  if (long.length) d.note(o.id, `${long.length} name(s) longer than 200 characters left out`);
  return unique.filter((n) => n.length <= 200).slice(0, 20);
}

function person(d: Draft, o: StixObject, fallbackRole: NewPerson['role'], extra: StixObject[] = []): void {
  const all = names(d, o, extra);
  if (all.length === 0) {
    d.note(o.id, 'a person without a name');
    return;
  }
  const p: Omit<NewPerson, 'ref'> = { names: all, role: oneOf(o.x_cordon_role, PERSON_ROLES) ?? fallbackRole };
  const dob = str(o.x_cordon_date_of_birth);
  if (dob && PARTIAL_DATE.test(dob)) p.dateOfBirth = dob;
  const nationalities = strs(o.x_cordon_nationalities)
    .map(country)
    .filter((c): c is string => !!c);
  if (nationalities.length) p.nationalities = [...new Set(nationalities)].slice(0, 5);
  const gender = oneOf(o.x_cordon_gender, ['female', 'male', 'other', 'unknown'] as const);
  if (gender) p.gender = gender;
  d.addPerson(o.id, p);
}

function organisation(d: Draft, o: StixObject, fallbackKind: NewOrganisation['kind']): void {
  const [name, ...aliases] = names(d, o);
  if (!name) {
    d.note(o.id, 'an organisation without a name');
    return;
  }
  const org: Omit<NewOrganisation, 'ref'> = { name, kind: oneOf(o.x_cordon_kind, ORGANISATION_KINDS) ?? fallbackKind };
  if (aliases.length) org.aliases = aliases;
  const c = country(o.x_cordon_country);
  if (c) org.country = c;
  d.addOrganisation(o.id, org);
}

function centre(d: Draft, o: StixObject, place: StixObject): void {
  const [name, ...aliases] = names(d, o);
  if (!name) {
    d.note(o.id, 'a scam centre without a name');
    return;
  }
  const c = country(place.country);
  if (!c) {
    d.note(o.id, 'a scam centre needs an ISO 3166-1 alpha-2 country');
    return;
  }
  const sc: Omit<NewScamCentre, 'ref'> = {
    name,
    country: c,
    status: oneOf(o.x_cordon_status, CENTRE_STATUSES) ?? 'active',
  };
  if (aliases.length) sc.aliases = aliases;
  const lat = num(place.latitude);
  const lon = num(place.longitude);
  if (lat !== undefined && lon !== undefined) sc.location = { lat, lon };
  const address = [place.street_address, place.city, place.administrative_area, place.postal_code]
    .map(str)
    .filter(Boolean)
    .join(', ');
  if (address) sc.address = address.slice(0, 500);
  const workforce = num(o.x_cordon_workforce);
  if (workforce !== undefined && Number.isInteger(workforce) && workforce >= 0 && workforce <= 100_000)
    sc.workforce = workforce;
  d.addCentre(o.id, sc);
}

function threatActor(d: Draft, o: StixObject, scope: Scope): void {
  const kind = str(o.x_cordon_kind);
  const attributed = scope.personOf.get(o.id) ?? [];
  const types = strs(o.threat_actor_types);
  const isOrg =
    kind !== 'person' &&
    (oneOf(kind, ORGANISATION_KINDS) !== undefined ||
      (attributed.length === 0 &&
        (types.some((t) => ORG_ACTOR_TYPES.has(t)) || ORG_RESOURCE_LEVELS.has(str(o.resource_level) ?? ''))));
  if (isOrg) {
    organisation(d, o, types.includes('crime-syndicate') ? 'syndicate' : 'other');
    return;
  }
  const directs = strs(o.roles).some((r) => r === 'director' || r === 'sponsor');
  person(d, o, directs ? 'boss' : 'suspect', attributed);
}

function indicator(d: Draft, o: StixObject): void {
  const type = str(o.pattern_type) ?? 'stix';
  const pattern = str(o.pattern);
  if (type !== 'stix' || !pattern) {
    d.note(o.id, `pattern type '${type}' is not read (only STIX patterns)`);
    return;
  }
  const parsed = parsePattern(pattern);
  if (typeof parsed === 'string') {
    d.note(o.id, parsed);
    return;
  }
  parsed.forEach((c, n) => {
    const input = comparisonToInput(c);
    if (typeof input === 'string') d.note(o.id, input);
    else d.addSelector(o.id, input, parsed.length > 1 ? n + 1 : undefined);
  });
}

/** Converts one STIX object into Cordon entities on the draft, or notes why it cannot. */
export function convertObject(d: Draft, o: StixObject, scope: Scope): void {
  if (QUIET.has(o.type) || scope.absorbed.has(o.id) || scope.authors.has(o.id)) return;
  if (SCO_TYPES.has(o.type) || (o.type.startsWith('x-') && o.created === undefined)) {
    const input = scoToInput(o);
    if (typeof input === 'string') {
      d.note(o.id, input);
      return;
    }
    d.addSelector(o.id, input);
    return;
  }
  switch (o.type) {
    case 'threat-actor': {
      threatActor(d, o, scope);
      return;
    }
    case 'intrusion-set': {
      organisation(d, o, 'other');
      return;
    }
    case 'identity': {
      const cls = str(o.identity_class);
      if (cls === 'individual') {
        person(d, o, 'other');
        return;
      }
      if (cls === 'organization' || cls === 'group') {
        organisation(d, o, 'other');
        return;
      }
      d.note(o.id, `an identity of class '${cls ?? 'none'}' is neither a person nor an organisation`);
      return;
    }
    case 'location': {
      const marked = str(o.x_cordon_kind) === 'scam-centre' || str(o.x_cordon_status) !== undefined;
      const precise = num(o.latitude) !== undefined || str(o.street_address) !== undefined;
      if (marked || (str(o.name) && precise)) {
        centre(d, o, o);
        return;
      }
      d.note(o.id, 'a place (no name with coordinates or street address), not a scam centre');
      return;
    }
    case 'infrastructure': {
      const place = scope.placeOf.get(o.id);
      if (!place) {
        d.note(o.id, 'an infrastructure without a located-at location is not a scam centre');
        return;
      }
      centre(d, o, place);
      return;
    }
    case 'indicator': {
      indicator(d, o);
      return;
    }
    default: {
      d.note(o.id, `type ${o.type} has no Cordon equivalent`);
      return;
    }
  }
}
