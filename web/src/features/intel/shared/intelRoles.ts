import type { Me, Role } from '@cordon/contracts';
import { hasAnyRole, useMe } from '../../../app/session.ts';

/** Who reads intelligence and who submits it (as the server decides; it checks again). */
export const INTEL_READERS: Role[] = [
  'analyst',
  'investigator',
  'supervisor',
  'finance',
  'case-worker',
  'hub-reviewer',
];
export const INTEL_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance'];
/** Who sees the area at all: readers, and the hub's administrators, who keep the taxonomy. */
export const INTEL_AREA_ROLES: Role[] = [...INTEL_READERS, 'hub-admin'];
/** Who may approve or decline a disclosure request for their agency. */
export const DISCLOSURE_DECIDERS: Role[] = ['supervisor', 'analyst', 'investigator'];

export const canReadIntel = (me: Me) => hasAnyRole(me, ...INTEL_READERS);

export function useIntelPermissions() {
  const me = useMe();
  return {
    read: hasAnyRole(me, ...INTEL_READERS),
    write: hasAnyRole(me, ...INTEL_WRITERS),
    decideDisclosure: hasAnyRole(me, ...DISCLOSURE_DECIDERS),
  };
}
