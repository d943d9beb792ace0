import type { User } from '@cordon/contracts';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

interface Props {
  users: User[];
  onEdit: (user: User) => void;
  onResetMfa: (user: User) => void;
}

export function UsersTable({ users, onEdit, onResetMfa }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (users.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;
  return (
    <ScrollTable label={t('nav.users')} minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.displayName')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('users.mfa')}</Table.Th>
            <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {u.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="light" size="sm">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={u.disabled ? 'red' : 'green'} variant="dot">
                  {u.disabled ? t('users.disabledStatus') : t('users.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.mfaEnrolled ? t('users.mfaOn') : t('users.mfaOff')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('common.never')}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(u)}
                    aria-label={t('users.editLabel', { name: u.displayName })}
                  >
                    {t('users.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!u.mfaEnrolled}
                    onClick={() => onResetMfa(u)}
                    aria-label={t('users.resetMfaLabel', { name: u.displayName })}
                  >
                    {t('users.resetMfa')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
