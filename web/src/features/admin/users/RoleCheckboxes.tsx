import { ROLES, type Role } from '@cordon/contracts';
import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.ts';

/** Roles an agency admin may grant; hub roles only exist in the hub's own agency. */
export function grantableRoles(agencyKind: string): Role[] {
  return ROLES.filter((r) => agencyKind === 'hub' || !r.startsWith('hub-'));
}

interface Props {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}

export function RoleCheckboxes({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Checkbox.Group
      label={t('users.roles')}
      value={value}
      onChange={(v) => onChange(v as Role[])}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {grantableRoles(me.agency.kind).map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
