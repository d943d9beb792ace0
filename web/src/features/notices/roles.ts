import type { Role } from '@cordon/contracts';
import { hasAnyRole, useMe } from '../../app/session.ts';

export const NOTICE_READERS: Role[] = [
  'analyst',
  'investigator',
  'supervisor',
  'finance',
  'case-worker',
  'hub-reviewer',
];
export const NOTICE_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor'];

export function useNoticePermissions() {
  const me = useMe();
  return { me, write: hasAnyRole(me, ...NOTICE_WRITERS), review: hasAnyRole(me, 'hub-reviewer') };
}
