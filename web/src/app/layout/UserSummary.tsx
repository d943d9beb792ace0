import { Stack, Text } from '@mantine/core';
import { useFormat } from '../../components/format.ts';
import { useMe } from '../session.ts';

/** The user's name, then agency and country. */
export function UserSummary({ align = 'left' }: { align?: 'left' | 'right' }) {
  const me = useMe();
  const fmt = useFormat();
  return (
    <Stack gap={0} align={align === 'right' ? 'flex-end' : 'flex-start'} data-testid="user-summary">
      <Text size="sm" fw={600} lh={1.3}>
        {me.user.displayName}
      </Text>
      <Text size="xs" c="dimmed" lh={1.3}>
        {me.agency.name} · {fmt.country(me.agency.country)}
      </Text>
    </Stack>
  );
}
