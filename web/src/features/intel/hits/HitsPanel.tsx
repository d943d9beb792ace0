import type { Hit } from '@cordon/contracts';
import { Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HitCard } from './HitCard.tsx';

/** The hits of a report or an entity: the matches this agency's records have elsewhere. */
export function HitsPanel({ hits, showMine = false, intro }: { hits: Hit[]; showMine?: boolean; intro?: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="hits-title" data-testid="hits-panel">
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" id="hits-title">
          {t('intel.hits.title')}
        </Title>
        <Badge variant="filled" color={hits.length > 0 ? 'red' : 'gray'}>
          {hits.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {intro ?? t('intel.hits.intro')}
      </Text>
      {hits.length === 0 ? (
        <Text size="sm">{t('intel.hits.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          {hits.map((h) => (
            <HitCard key={h.id} hit={h} showMine={showMine} />
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
