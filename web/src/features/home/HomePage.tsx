import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { useFormat } from '../../components/format.ts';
import { LiveEvents } from './LiveEvents.tsx';
import { MarkingLegend } from './MarkingLegend.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0}>
        {value}
      </Text>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user, agency } = useMe();
  const fmt = useFormat();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.welcome', { name: user.displayName })}</Title>
        <Text c="dimmed">{t('app.tagline')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack gap="lg">
          <Card withBorder padding="md" component="section" aria-labelledby="agency-title">
            <Title order={2} size="h4" id="agency-title" mb="sm">
              {t('home.agency')}
            </Title>
            <Text fw={600} mb="xs">
              {agency.name}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" component="dl" m={0}>
              <Fact label={t('home.country')} value={`${fmt.country(agency.country)} (${agency.country})`} />
              <Fact label={t('home.region')} value={t(`regions.${agency.region}`)} />
              <Fact label={t('home.kind')} value={t(`kinds.${agency.kind}`)} />
            </SimpleGrid>
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('home.roles')}
            </Title>
            <Group gap={6}>
              {user.roles.map((role) => (
                <Badge key={role} variant="light">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm" mt="md" c={user.mfaEnrolled ? undefined : 'orange'}>
              {user.mfaEnrolled ? t('home.mfaOn') : t('home.mfaOff')}
            </Text>
          </Card>
          <MarkingLegend />
        </Stack>
        <LiveEvents />
      </SimpleGrid>
    </Stack>
  );
}
