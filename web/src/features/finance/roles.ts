import type { Role } from '@cordon/contracts';
import { hasAnyRole, useMe } from '../../app/session.ts';

/** Who reads financial intelligence and who records and handles freezes (the server checks again). */
export const FINANCE_READERS: Role[] = ['finance', 'investigator', 'analyst', 'supervisor', 'hub-reviewer'];
export const FINANCE_WRITERS: Role[] = ['finance', 'investigator', 'supervisor'];

export function useFinancePermissions() {
  const me = useMe();
  return { me, read: hasAnyRole(me, ...FINANCE_READERS), write: hasAnyRole(me, ...FINANCE_WRITERS) };
}
