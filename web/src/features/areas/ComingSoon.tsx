import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaKey } from '../../app/nav.ts';

/** Placeholder for an area that is not built yet: its name and what it will do. */
export function ComingSoon({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <Group gap="sm" align="center">
        <Title order={1}>{t(`areas.${area}.title`)}</Title>
        <Badge variant="light" color="gray" size="lg">
          {t('areas.comingSoon')}
        </Badge>
      </Group>
      <Card withBorder padding="lg" data-testid="coming-soon">
        <Text size="lg">{t(`areas.${area}.description`)}</Text>
        <Text size="sm" c="dimmed" mt="md">
          {t('areas.comingSoonNote')}
        </Text>
      </Card>
    </Stack>
  );
}
