import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';

function AdminLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const agencyAdmin = hasAnyRole(me, 'agency-admin');
  const cards = [
    { to: '/admin/users', title: t('nav.users'), text: t('admin.usersIntro') },
    ...(agencyAdmin ? [{ to: '/admin/tokens', title: t('nav.tokens'), text: t('admin.tokensIntro') }] : []),
    { to: '/admin/agencies', title: t('nav.agencies'), text: t('admin.agenciesIntro') },
  ] as const;
  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.admin')} intro={t('admin.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {cards.map((c) => (
          <Card key={c.to} withBorder padding="md">
            <RouterAnchor to={c.to} fw={600} fz="lg">
              {c.title}
            </RouterAnchor>
            <Text size="sm" c="dimmed" mt={4}>
              {c.text}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function AdminPage() {
  return (
    <RequireRole roles={['agency-admin', 'hub-admin']}>
      <AdminLinks />
    </RequireRole>
  );
}
