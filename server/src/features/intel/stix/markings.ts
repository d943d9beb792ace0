import {
  type Audience,
  CREDIBILITY,
  type Marking,
  PAP_LEVELS,
  type Pap,
  REGIONS,
  RELIABILITY,
  type Region,
  TLP_LEVELS,
  type Tlp,
} from '@cordon/contracts';
import type { StixObject } from './types.ts';

/** The OASIS TLP 2.0 extension (cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The fixed TLP 2.0 marking-definition ids, as published with the extension. */
export const TLP2_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The STIX 2.1 spec's TLP 1.0 marking definitions (§7.2.1.4); WHITE reads as CLEAR. */
const TLP1_IDS: Record<string, Tlp> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

const TLP_BY_ID: ReadonlyMap<string, Tlp> = new Map([
  ...Object.entries(TLP1_IDS),
  ...Object.entries(TLP2_IDS).map(([tlp, id]) => [id, tlp as Tlp] as const),
]);

/** The TLP 2.0 marking-definition object for one level, exactly as the extension publishes it. */
export function tlpMarkingDefinition(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/** Report-level custom properties for what TLP does not say. */
export function markingProperties(m: Marking): Record<string, unknown> {
  return {
    x_cordon_pap: m.pap,
    x_cordon_reliability: m.reliability,
    x_cordon_credibility: m.credibility,
    x_cordon_audience: m.audience,
  };
}

/** Reads TLP levels: well-known ids, or a bundle's own marking-definition that says its level. */
export function tlpOfMarking(id: string, definitions: ReadonlyMap<string, StixObject>): Tlp | undefined {
  const known = TLP_BY_ID.get(id);
  if (known) return known;
  const def = definitions.get(id);
  if (!def) return undefined;
  const ext = (def.extensions as Record<string, { tlp_2_0?: unknown }> | undefined)?.[TLP2_EXTENSION];
  const v1 = def.definition_type === 'tlp' ? (def.definition as { tlp?: unknown } | undefined)?.tlp : undefined;
  return parseTlp(ext?.tlp_2_0 ?? v1);
}

export function parseTlp(value: unknown): Tlp | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase().replace(/^TLP:/, '');
  if (v === 'WHITE') return 'CLEAR';
  return (TLP_LEVELS as readonly string[]).includes(v) ? (v as Tlp) : undefined;
}

export function parsePap(value: unknown): Pap | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toUpperCase().replace(/^PAP:/, '');
  if (v === 'WHITE') return 'CLEAR';
  return (PAP_LEVELS as readonly string[]).includes(v) ? (v as Pap) : undefined;
}

/** The more restrictive of two TLP levels (TLP_LEVELS runs from open to closed). */
export function stricterTlp(a: Tlp, b: Tlp): Tlp {
  return TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b) ? a : b;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates an audience read from outside; undefined when it is not one. */
export function parseAudience(value: unknown): Audience | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const a = value as { kind?: unknown; regions?: unknown; agencyIds?: unknown };
  if (a.kind === 'all') return { kind: 'all' };
  if (a.kind === 'regions' && Array.isArray(a.regions) && a.regions.length > 0) {
    const regions = a.regions.filter((r): r is Region => (REGIONS as readonly unknown[]).includes(r));
    return regions.length === a.regions.length ? { kind: 'regions', regions } : undefined;
  }
  if (a.kind === 'agencies' && Array.isArray(a.agencyIds) && a.agencyIds.length > 0) {
    const ids = a.agencyIds.filter((x): x is string => typeof x === 'string' && UUID.test(x));
    return ids.length === a.agencyIds.length ? { kind: 'agencies', agencyIds: ids } : undefined;
  }
  return undefined;
}

export function isReliability(v: unknown): v is Marking['reliability'] {
  return (RELIABILITY as readonly unknown[]).includes(v);
}
export function isCredibility(v: unknown): v is Marking['credibility'] {
  return (CREDIBILITY as readonly unknown[]).includes(v);
}
