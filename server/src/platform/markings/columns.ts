import type { Audience, Marking, Pap, Region, Tlp } from '@cordon/contracts';

/**
 * The columns every marked table carries (see docs/architecture.md):
 *   owner_agency_id uuid, tlp text, pap text, reliability char(1), credibility char(1),
 *   audience_kind text, audience_regions text[], audience_agencies uuid[]
 */
export interface MarkingColumns {
  tlp: string;
  pap: string;
  reliability: string;
  credibility: string;
  audience_kind: string;
  audience_regions: string[];
  audience_agencies: string[];
}

export function toColumns(m: Marking): MarkingColumns {
  return {
    tlp: m.tlp,
    pap: m.pap,
    reliability: m.reliability,
    credibility: m.credibility,
    audience_kind: m.audience.kind,
    audience_regions: m.audience.kind === 'regions' ? [...m.audience.regions] : [],
    audience_agencies: m.audience.kind === 'agencies' ? [...m.audience.agencyIds] : [],
  };
}

export function audienceFromColumns(
  c: Pick<MarkingColumns, 'audience_kind' | 'audience_regions' | 'audience_agencies'>,
): Audience {
  if (c.audience_kind === 'regions') return { kind: 'regions', regions: c.audience_regions as Region[] };
  if (c.audience_kind === 'agencies') return { kind: 'agencies', agencyIds: c.audience_agencies };
  return { kind: 'all' };
}

export function fromColumns(c: MarkingColumns): Marking {
  return {
    tlp: c.tlp as Tlp,
    pap: c.pap as Pap,
    reliability: c.reliability as Marking['reliability'],
    credibility: c.credibility as Marking['credibility'],
    audience: audienceFromColumns(c),
  };
}
