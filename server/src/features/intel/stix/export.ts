import type { Entity, Report } from '@cordon/contracts';
import { cordonCreator, cordonExtensionDefinition, TOPLEVEL_EXTENSION } from './extension.ts';
import { CORDON_NAMESPACE, stixId, stixTime, uuidv5 } from './ids.ts';
import { markingProperties, TLP2_IDS, tlpMarkingDefinition } from './markings.ts';
import { selectorToSco } from './selectors.ts';
import type { StixBundle, StixExportContext, StixObject } from './types.ts';

/** Person roles exported as threat-actor (the adversary side); the others are identity (individual). */
export const THREAT_ACTOR_ROLES: Record<string, string> = {
  boss: 'director',
  recruiter: 'agent',
  suspect: 'agent',
  'money-mule': 'agent',
};
const AGENCY_EPOCH = '2025-01-01T00:00:00.000Z';

/** Drops what STIX schemas refuse: undefined, null, empty strings and empty arrays. */
function compact(o: Record<string, unknown>): StixObject {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as StixObject;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function entityToStix(e: Entity, common: (type: string) => Record<string, unknown>, refs: string[]) {
  const a = e.attrs;
  const withExt = { extensions: TOPLEVEL_EXTENSION };
  switch (e.kind) {
    case 'person': {
      const names = strings(a.names);
      const [name = e.label, ...aliases] = names.length ? names : [e.label];
      const role = text(a.role) ?? 'other';
      const personal = {
        x_cordon_kind: 'person',
        x_cordon_role: role,
        x_cordon_date_of_birth: text(a.dateOfBirth),
        x_cordon_nationalities: strings(a.nationalities),
        x_cordon_gender: text(a.gender),
        ...withExt,
      };
      const actorRole = THREAT_ACTOR_ROLES[role];
      if (actorRole)
        return compact({
          ...common('threat-actor'),
          name,
          aliases,
          threat_actor_types: ['criminal'],
          roles: [actorRole],
          resource_level: 'individual',
          ...personal,
        });
      return compact({
        ...common('identity'),
        name,
        identity_class: 'individual',
        x_cordon_aliases: aliases,
        ...personal,
      });
    }
    case 'organisation': {
      const name = text(a.name) ?? e.label;
      const kind = text(a.kind) ?? 'other';
      const props = { x_cordon_kind: kind, x_cordon_country: e.country ?? undefined, ...withExt };
      if (kind === 'syndicate')
        return compact({
          ...common('threat-actor'),
          name,
          aliases: strings(a.aliases),
          threat_actor_types: ['crime-syndicate'],
          resource_level: 'organization',
          ...props,
        });
      return compact({
        ...common('identity'),
        name,
        identity_class: 'organization',
        x_cordon_aliases: strings(a.aliases),
        ...props,
      });
    }
    case 'scam-centre':
      return compact({
        ...common('location'),
        name: text(a.name) ?? e.label,
        country: e.country ?? undefined,
        latitude: e.location?.lat,
        longitude: e.location?.lon,
        street_address: text(a.address),
        x_cordon_kind: 'scam-centre',
        x_cordon_status: text(a.status) ?? 'active',
        x_cordon_aliases: strings(a.aliases),
        x_cordon_workforce: typeof a.workforce === 'number' ? a.workforce : undefined,
        ...withExt,
      });
    case 'selector':
      return selectorToSco(e, refs);
  }
}

/**
 * One Cordon report as a STIX 2.1 bundle. Ids are derived from Cordon ids (SCOs: STIX §2.9
 * deterministic ids), timestamps from the records, so exporting the same report twice gives the
 * same bundle. Mapping: README.md.
 */
export function toStixBundle(report: Report, ctx: StixExportContext): StixBundle {
  const refs = [TLP2_IDS[report.marking.tlp]];
  const agency = ctx.agencies.get(report.ownerAgencyId);
  const holder = compact({
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', report.ownerAgencyId),
    created: AGENCY_EPOCH,
    modified: AGENCY_EPOCH,
    name: agency?.name ?? `Agency ${report.ownerAgencyId}`,
    identity_class: 'organization',
    x_cordon_country: agency?.country,
    object_marking_refs: refs,
    extensions: TOPLEVEL_EXTENSION,
  });
  const stixOf = new Map<string, string>();
  const objects: StixObject[] = [];
  for (const e of report.entities) {
    const created = stixTime(e.createdAt);
    const common = (type: string) => ({
      type,
      spec_version: '2.1',
      id: stixId(type, e.id),
      created_by_ref: holder.id,
      created,
      modified: created,
      object_marking_refs: refs,
    });
    const o = entityToStix(e, common, refs);
    if (!o) continue;
    objects.push(o);
    stixOf.set(e.id, o.id);
  }
  const created = stixTime(report.createdAt);
  for (const r of report.relationships) {
    const source = stixOf.get(r.from);
    const target = stixOf.get(r.to);
    if (!source || !target) continue; // an entity of another report: not in this bundle
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: stixId('relationship', r.id),
      created_by_ref: holder.id,
      created,
      modified: created,
      relationship_type: r.type,
      source_ref: source,
      target_ref: target,
      object_marking_refs: refs,
    });
  }
  const stixReport = compact({
    type: 'report',
    spec_version: '2.1',
    id: stixId('report', report.id),
    created_by_ref: holder.id,
    created,
    modified: created,
    name: report.title,
    description: report.summary,
    report_types: ['threat-report'],
    published: created,
    object_refs: objects.length ? objects.map((o) => o.id) : [holder.id],
    object_marking_refs: refs,
    x_cordon_mo_tags: report.moTags,
    ...markingProperties(report.marking),
    extensions: TOPLEVEL_EXTENSION,
  });
  return {
    type: 'bundle',
    id: `bundle--${uuidv5(`bundle:${report.id}`, CORDON_NAMESPACE)}`,
    objects: [
      tlpMarkingDefinition(report.marking.tlp),
      cordonCreator(),
      cordonExtensionDefinition(),
      holder,
      stixReport,
      ...objects,
    ],
  };
}
