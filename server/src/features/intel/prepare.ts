import type { NewReport } from '@cordon/contracts';
import type { FieldError } from '../../platform/http/errors.ts';
import { blockingKeys, normaliseName } from './names/index.ts';
import { normaliseSelector } from './selectors/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An entity as it will be stored, before it has an id. */
export interface PreparedEntity {
  ref: string;
  kind: 'person' | 'organisation' | 'scam-centre' | 'selector';
  label: string;
  selectorKind: string | null;
  key: string | null;
  nameKeys: string[];
  blockingKeys: string[];
  country: string | null;
  lat: number | null;
  lon: number | null;
  attrs: Record<string, unknown>;
}

export interface PreparedRelationship {
  from: { ref: string } | { entityId: string };
  to: { ref: string } | { entityId: string };
  type: string;
  field: string;
}

export interface PreparedReport {
  entities: PreparedEntity[];
  relationships: PreparedRelationship[];
  /** Ids of existing entities the relationships point at: each must be visible to the submitter. */
  existingIds: string[];
  errors: FieldError[];
}

const nameKeysOf = (names: string[]) => [...new Set(names.map((n) => normaliseName(n).key).filter(Boolean))];

/**
 * Validates and normalises a submission without touching the database: every selector is
 * reduced to its canonical key (or refused with the reason), names get their match keys, refs
 * are checked for duplicates and dangling links. `defaultCountry` (the submitter's) is the
 * region for national phone numbers written without a country code.
 */
export function prepareReport(input: NewReport, defaultCountry: string): PreparedReport {
  const errors: FieldError[] = [];
  const entities: PreparedEntity[] = [];
  const refs = new Map<string, string>();
  const claim = (ref: string, field: string) => {
    if (refs.has(ref))
      errors.push({ field: `${field}.ref`, message: `ref "${ref}" is used twice (first at ${refs.get(ref)})` });
    else refs.set(ref, field);
  };

  input.persons?.forEach((p, i) => {
    claim(p.ref, `persons.${i}`);
    const facts = {
      names: p.names,
      ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
      ...(p.nationalities ? { nationalities: p.nationalities } : {}),
      ...(p.gender ? { gender: p.gender } : {}),
    };
    entities.push({
      ref: p.ref,
      kind: 'person',
      label: p.names[0] ?? '',
      selectorKind: null,
      key: null,
      nameKeys: nameKeysOf(p.names),
      blockingKeys: blockingKeys(facts),
      country: p.nationalities?.[0] ?? null,
      lat: null,
      lon: null,
      attrs: {
        names: p.names,
        dateOfBirth: p.dateOfBirth ?? null,
        nationalities: p.nationalities ?? [],
        gender: p.gender ?? null,
        role: p.role,
      },
    });
  });

  input.organisations?.forEach((o, i) => {
    claim(o.ref, `organisations.${i}`);
    entities.push({
      ref: o.ref,
      kind: 'organisation',
      label: o.name,
      selectorKind: null,
      key: null,
      nameKeys: nameKeysOf([o.name, ...(o.aliases ?? [])]),
      blockingKeys: [],
      country: o.country ?? null,
      lat: null,
      lon: null,
      attrs: { name: o.name, aliases: o.aliases ?? [], kind: o.kind },
    });
  });

  input.scamCentres?.forEach((c, i) => {
    claim(c.ref, `scamCentres.${i}`);
    entities.push({
      ref: c.ref,
      kind: 'scam-centre',
      label: c.name,
      selectorKind: null,
      key: null,
      nameKeys: nameKeysOf([c.name, ...(c.aliases ?? [])]),
      blockingKeys: [],
      country: c.country,
      lat: c.location?.lat ?? null,
      lon: c.location?.lon ?? null,
      attrs: {
        name: c.name,
        aliases: c.aliases ?? [],
        address: c.address ?? null,
        status: c.status,
        workforce: c.workforce ?? null,
      },
    });
  });

  input.selectors?.forEach((s, i) => {
    claim(s.ref, `selectors.${i}`);
    const r = normaliseSelector({
      kind: s.kind,
      value: s.value,
      country: s.country ?? defaultCountry,
      ...(s.platform ? { platform: s.platform } : {}),
      ...(s.chain ? { chain: s.chain } : {}),
      ...(s.bank ? { bank: s.bank } : {}),
    });
    if (!r.ok) {
      errors.push({ field: `selectors.${i}.value`, message: r.reason });
      return;
    }
    const sel = r.selector;
    entities.push({
      ref: s.ref,
      kind: 'selector',
      label: sel.display,
      selectorKind: sel.kind,
      key: sel.key,
      nameKeys: [],
      blockingKeys: [],
      country: sel.details.country ?? s.country ?? null,
      lat: null,
      lon: null,
      attrs: { value: sel.value, display: sel.display, details: sel.details, submitted: s.value },
    });
  });

  const relationships: PreparedRelationship[] = [];
  const existingIds = new Set<string>();
  const end = (v: string, field: string) => {
    if (refs.has(v)) return { ref: v };
    if (UUID.test(v)) {
      existingIds.add(v.toLowerCase());
      return { entityId: v.toLowerCase() };
    }
    errors.push({ field, message: `"${v}" is neither a ref of this report nor an entity id` });
    return null;
  };
  input.relationships?.forEach((rel, i) => {
    const from = end(rel.from, `relationships.${i}.from`);
    const to = end(rel.to, `relationships.${i}.to`);
    if (from && to) relationships.push({ from, to, type: rel.type, field: `relationships.${i}` });
  });
  return { entities, relationships, existingIds: [...existingIds], errors };
}
