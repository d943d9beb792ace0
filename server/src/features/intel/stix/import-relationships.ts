import { RELATIONSHIP_TYPES, type RelationshipType } from '@cordon/contracts';
import type { Draft, Made, NewRelationship } from './draft.ts';
import type { Scope } from './import-objects.ts';
import type { StixObject } from './types.ts';

const CORDON_TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

type Mapper = (from: Made, to: Made) => NewRelationship | string;

/** STIX relationship types that say something Cordon keeps, read from source → target. */
const MAPPERS: Record<string, Mapper> = {
  // indicator indicates X: X uses the selectors the indicator names
  indicates: (f, t) => ({ from: t.ref, to: f.ref, type: 'uses' }),
  // infrastructure consists-of an observable: the centre uses that selector
  'consists-of': (f, t) => ({ from: f.ref, to: t.ref, type: 'uses' }),
  // an organisation attributed-to someone: that someone controls it
  'attributed-to': (f, t) =>
    f.kind === 'organisation' ? { from: t.ref, to: f.ref, type: 'controls' } : 'attributed-to between persons',
  // X targets a person: that person is a victim of X
  targets: (f, t) => (t.kind === 'person' ? { from: t.ref, to: f.ref, type: 'victim-of' } : 'targets a non-person'),
};

/** Converts the relationships of one report; the ones Cordon cannot keep are listed as errors. */
export function convertRelationships(d: Draft, sros: readonly StixObject[], scope: Scope): NewRelationship[] {
  const out = new Map<string, NewRelationship>();
  for (const r of sros) {
    const type = typeof r.relationship_type === 'string' ? r.relationship_type : '';
    const source = String(r.source_ref ?? '');
    const target = String(r.target_ref ?? '');
    if (type === 'located-at' && scope.placeOf.get(source)?.id === target) continue; // the centre's place
    if (type === 'attributed-to' && scope.personOf.get(source)?.some((p) => p.id === target)) continue; // same person
    const mapper: Mapper | undefined = CORDON_TYPES.has(type)
      ? (f, t) => ({ from: f.ref, to: t.ref, type: type as RelationshipType })
      : MAPPERS[type];
    if (!mapper) {
      d.note(r.id, `relationship type '${type}' has no Cordon equivalent`);
      continue;
    }
    const froms = d.made.get(source);
    const tos = d.made.get(target);
    if (!froms || !tos) {
      d.note(r.id, `${type}: ${froms ? target : source} was not imported`);
      continue;
    }
    for (const f of froms)
      for (const t of tos) {
        const rel = mapper(f, t);
        if (typeof rel === 'string') {
          d.note(r.id, `${type}: ${rel} has no Cordon equivalent`);
          continue;
        }
        if (rel.from !== rel.to) out.set(`${rel.from}|${rel.to}|${rel.type}`, rel);
      }
  }
  return [...out.values()];
}
