import type { Viewer } from '../auth/viewer.ts';
import { canSee } from '../markings/markings.ts';
import type { EventAudience } from './types.ts';

/** May this viewer receive an event with this audience on the live stream? */
export function mayReceive(viewer: Viewer, audience: EventAudience): boolean {
  switch (audience.kind) {
    case 'members':
      return true;
    case 'users':
      return viewer.userId !== null && audience.userIds.includes(viewer.userId);
    case 'agencies':
      if (!audience.agencyIds.includes(viewer.agencyId)) return false;
      // Roles given (even none): fail closed unless the viewer holds one.
      return audience.roles === undefined || audience.roles.some((r) => viewer.roles.includes(r));
    case 'marked':
      return canSee(viewer, { ownerAgencyId: audience.ownerAgencyId, tlp: audience.tlp, audience: audience.audience });
    default:
      return false;
  }
}
