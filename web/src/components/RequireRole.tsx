import type { Role } from '@cordon/contracts';
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../app/session.ts';

/** Shows its children only to users holding one of `roles`; the server checks again. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (hasAnyRole(me, ...roles)) return children;
  return (
    <Alert color="yellow" variant="light" title={t('errors.forbidden')}>
      {t('errors.needsRole', { roles: roles.map((r) => t(`roles.${r}`)).join(', ') })}
    </Alert>
  );
}
