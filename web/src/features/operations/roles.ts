import type { Role } from '@cordon/contracts';
import { hasAnyRole, useMe } from '../../app/session.ts';

/** As the server decides (operations.routes.ts); it checks again. */
export const OPS_READERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance', 'case-worker', 'hub-reviewer'];
export const OPS_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance'];

export function useOpsPermissions() {
  const me = useMe();
  return { me, write: hasAnyRole(me, ...OPS_WRITERS) };
}
