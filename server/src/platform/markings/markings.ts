import type { Audience, Marking, Region, Tlp } from '@cordon/contracts';

/** A problem with a marking, naming the field at fault. */
export interface MarkingIssue {
  field: string;
  message: string;
}

/**
 * Combinations that contradict TLP 2.0: checked on every write so that RED and
 * AMBER+STRICT never widen by accident.
 */
export function validateMarking(m: Marking, field = 'marking'): MarkingIssue[] {
  const issues: MarkingIssue[] = [];
  const aud = `${field}.audience`;
  if (m.tlp === 'RED' && m.audience.kind !== 'agencies') {
    issues.push({ field: aud, message: 'TLP:RED is for named recipients only: the audience must list agencies' });
  }
  if (m.tlp === 'AMBER+STRICT' && m.audience.kind === 'all') {
    issues.push({
      field: aud,
      message: 'TLP:AMBER+STRICT cannot go to all members: name the agencies or regions',
    });
  }
  if (m.tlp === 'CLEAR' && m.audience.kind !== 'all') {
    issues.push({
      field: aud,
      message: 'TLP:CLEAR is public: a narrower audience contradicts it; use TLP:GREEN or AMBER',
    });
  }
  if (m.audience.kind === 'agencies' && new Set(m.audience.agencyIds).size !== m.audience.agencyIds.length) {
    issues.push({ field: `${aud}.agencyIds`, message: 'an agency is listed twice' });
  }
  if (m.audience.kind === 'regions' && new Set(m.audience.regions).size !== m.audience.regions.length) {
    issues.push({ field: `${aud}.regions`, message: 'a region is listed twice' });
  }
  if ((m.tlp === 'RED' || m.tlp === 'AMBER+STRICT') && m.pap === 'CLEAR') {
    issues.push({ field: `${field}.pap`, message: `PAP:CLEAR (any use) contradicts TLP:${m.tlp}` });
  }
  return issues;
}

/** The parts of a viewer that visibility depends on; null is the public. */
export interface Reader {
  readonly agencyId: string;
  readonly region: Region;
}

/** A record's owner and marking, as stored. */
export interface MarkedRecord {
  readonly ownerAgencyId: string;
  readonly tlp: Tlp;
  readonly audience: Audience;
  /** Agencies the owner disclosed the record to after a hit, beyond its audience. */
  readonly disclosedTo?: readonly string[];
}

/**
 * May this reader see the record? The owner always may; the public sees CLEAR only;
 * a member agency sees what its audience (all / its region / it by name) includes.
 * `visibleTo` in visible-to.ts is the same rule in SQL; a test keeps the two equal.
 */
export function canSee(reader: Reader | null, rec: MarkedRecord): boolean {
  if (reader === null) return rec.tlp === 'CLEAR';
  if (reader.agencyId === rec.ownerAgencyId) return true;
  if (rec.tlp === 'CLEAR') return true;
  if (rec.disclosedTo?.includes(reader.agencyId)) return true;
  switch (rec.audience.kind) {
    case 'all':
      return true;
    case 'regions':
      return rec.audience.regions.includes(reader.region);
    case 'agencies':
      return rec.audience.agencyIds.includes(reader.agencyId);
  }
}
