import type { Marking, NewReport, Tlp } from '@cordon/contracts';
import { Draft } from './draft.ts';
import { convertObject, type Scope } from './import-objects.ts';
import { convertRelationships } from './import-relationships.ts';
import { isCredibility, isReliability, parseAudience, parsePap, stricterTlp, tlpOfMarking } from './markings.ts';
import type { StixImportError, StixObject } from './types.ts';

export interface StixImportOptions {
  /** Used for what the bundle does not say (no TLP marking, no x_cordon_pap …). */
  defaultMarking: Marking;
  /** The importing agency's country: the region of national phone numbers, as on submission. */
  defaultCountry?: string;
}
export interface StixImportResult {
  reports: NewReport[];
  errors: StixImportError[];
}

const MO_TAG = /^[a-z0-9-]{1,64}$/;
const SILENT = new Set(['report', 'marking-definition', 'extension-definition', 'language-content']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStix = (v: unknown): v is StixObject => isObject(v) && typeof v.type === 'string' && typeof v.id === 'string';
const refsOf = (o: StixObject | undefined): string[] =>
  Array.isArray(o?.object_marking_refs) ? o.object_marking_refs.filter((r): r is string => typeof r === 'string') : [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function scopeOf(members: readonly StixObject[], sros: readonly StixObject[], index: ReadonlyMap<string, StixObject>) {
  const placeOf = new Map<string, StixObject>();
  const personOf = new Map<string, StixObject[]>();
  const ends = new Set<string>();
  for (const r of sros) {
    const source = index.get(String(r.source_ref));
    const target = index.get(String(r.target_ref));
    if (source?.type === 'infrastructure' && target?.type === 'location' && r.relationship_type === 'located-at')
      placeOf.set(source.id, target);
    else if (
      source?.type === 'threat-actor' &&
      target?.type === 'identity' &&
      target.identity_class === 'individual' &&
      r.relationship_type === 'attributed-to'
    )
      personOf.set(source.id, [...(personOf.get(source.id) ?? []), target]);
    else for (const e of [source?.id, target?.id]) if (e) ends.add(e);
  }
  const creators = members.map((m) => m.created_by_ref).filter((c): c is string => typeof c === 'string');
  const authors = new Set(creators.filter((c) => !ends.has(c)));
  const absorbed = new Set([...placeOf.values(), ...[...personOf.values()].flat()].map((o) => o.id));
  return { authors, placeOf, personOf, absorbed } satisfies Scope;
}

function markingOf(
  report: StixObject | undefined,
  members: readonly StixObject[],
  index: ReadonlyMap<string, StixObject>,
  fallback: Marking,
  d: Draft,
): Marking {
  let tlp: Tlp | undefined;
  const refs = new Set([report, ...members].flatMap(refsOf));
  let pap = parsePap(report?.x_cordon_pap);
  for (const id of refs) {
    const level = tlpOfMarking(id, index);
    if (level) tlp = tlp ? stricterTlp(tlp, level) : level;
    const statement = (index.get(id)?.definition as { statement?: unknown } | undefined)?.statement;
    if (!pap && typeof statement === 'string' && /^PAP:/i.test(statement.trim())) pap = parsePap(statement);
  }
  const m: Marking = { ...fallback, tlp: tlp ?? fallback.tlp, pap: pap ?? fallback.pap };
  if (isReliability(report?.x_cordon_reliability)) m.reliability = report.x_cordon_reliability;
  if (isCredibility(report?.x_cordon_credibility)) m.credibility = report.x_cordon_credibility;
  if (report?.x_cordon_audience !== undefined) {
    const audience = parseAudience(report.x_cordon_audience);
    if (audience) m.audience = audience;
    else d.note(report.id, 'x_cordon_audience is not a valid audience; the default audience is used');
  }
  return m;
}

/**
 * Reads a STIX 2.1 bundle into Cordon submissions: one per STIX report (or one for the whole bundle
 * when it has none). Every object that cannot be kept is listed in `errors`; nothing throws on bad
 * input. `sourceRef` is the STIX report (or bundle) id, so importing the same bundle twice is a no-op.
 */
export function fromStixBundle(bundle: unknown, opts: StixImportOptions): StixImportResult {
  const errors: StixImportError[] = [];
  if (!isObject(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    const what = isObject(bundle) && typeof bundle.type === 'string' ? ` (a ${bundle.type})` : '';
    const objectId = isObject(bundle) && typeof bundle.id === 'string' ? bundle.id : '(input)';
    return { reports: [], errors: [{ objectId, message: `not a STIX bundle${what}` }] };
  }
  const bundleId = str(bundle.id) ?? 'bundle';
  const objects: StixObject[] = [];
  bundle.objects.forEach((o: unknown, i: number) => {
    if (isStix(o)) objects.push(o);
    else errors.push({ objectId: `${bundleId}/objects/${i}`, message: 'not a STIX object (no type or id)' });
  });
  const index = new Map(objects.map((o) => [o.id, o]));
  const sros = objects.filter((o) => o.type === 'relationship');
  const stixReports = objects.filter((o) => o.type === 'report');
  const groups = stixReports.length
    ? stixReports.map((r) => ({ report: r as StixObject | undefined, members: membersOf(r, index, sros, errors) }))
    : [{ report: undefined, members: objects.filter((o) => o.type !== 'relationship') }];
  if (stixReports.length) {
    const covered = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
    const creators = new Set(objects.map((o) => o.created_by_ref));
    for (const o of objects)
      if (!covered.has(o.id) && !SILENT.has(o.type) && o.type !== 'relationship' && !creators.has(o.id))
        errors.push({ objectId: o.id, message: 'not in any report: skipped' });
  }
  const reports: NewReport[] = [];
  for (const { report, members } of groups) {
    const memberIds = new Set(members.map((m) => m.id));
    const groupSros = sros.filter((r) => memberIds.has(String(r.source_ref)) && memberIds.has(String(r.target_ref)));
    const scope = scopeOf(report ? [report, ...members] : members, groupSros, index);
    const d = new Draft(errors, opts.defaultCountry);
    for (const o of members) convertObject(d, o, scope);
    const relationships = convertRelationships(d, groupSros, scope);
    const sourceRef = report?.id ?? bundleId;
    if (d.size === 0) {
      errors.push({ objectId: sourceRef, message: 'nothing Cordon can keep in this report: not imported' });
      continue;
    }
    const name = str(report?.name);
    const moTags = Array.isArray(report?.x_cordon_mo_tags)
      ? report.x_cordon_mo_tags.filter((t) => MO_TAG.test(String(t)))
      : [];
    const input: NewReport = {
      title: (name && name.length >= 3 ? name : `STIX ${sourceRef}`).slice(0, 300),
      summary: (str(report?.description) ?? '').slice(0, 20_000),
      marking: markingOf(report, members, index, opts.defaultMarking, d),
      moTags: [...new Set(moTags.map(String))].slice(0, 30),
      sourceRef: sourceRef.slice(0, 200),
    };
    if (d.persons.length) input.persons = d.persons;
    if (d.organisations.length) input.organisations = d.organisations;
    if (d.scamCentres.length) input.scamCentres = d.scamCentres;
    if (d.selectors.length) input.selectors = d.selectors;
    if (relationships.length) input.relationships = relationships;
    reports.push(input);
  }
  return { reports, errors };
}

/** The report's own objects, the places of its infrastructures, and the relationships among them. */
function membersOf(
  r: StixObject,
  index: ReadonlyMap<string, StixObject>,
  sros: readonly StixObject[],
  errors: StixImportError[],
) {
  const ids = Array.isArray(r.object_refs) ? r.object_refs.filter((x): x is string => typeof x === 'string') : [];
  const members: StixObject[] = [];
  for (const id of ids) {
    const o = index.get(id);
    if (o) members.push(o);
    else errors.push({ objectId: r.id, message: `object_refs: ${id} is not in the bundle` });
  }
  const inside = new Set(members.map((m) => m.id));
  for (const s of sros) {
    const target = index.get(String(s.target_ref));
    if (
      s.relationship_type === 'located-at' &&
      target?.type === 'location' &&
      !inside.has(target.id) &&
      index.get(String(s.source_ref))?.type === 'infrastructure' &&
      inside.has(String(s.source_ref))
    ) {
      members.push(target);
      inside.add(target.id);
    }
  }
  return members.filter((m) => m.type !== 'relationship');
}
