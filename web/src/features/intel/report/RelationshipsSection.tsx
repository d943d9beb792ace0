import type { Entity, Relationship } from '@cordon/contracts';
import { Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../components/links.tsx';

/** "Zhang Wei — uses → +66 81 234 5678", ends linked to their entity pages. */
export function RelationshipsSection({
  relationships,
  entities,
}: {
  relationships: Relationship[];
  entities: Entity[];
}) {
  const { t } = useTranslation();
  if (relationships.length === 0) return null;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const end = (id: string) => (
    <RouterAnchor to="/intel/entities/$entityId" params={{ entityId: id }} underline="always">
      {byId.get(id)?.label ?? t('intel.report.otherEntity')}
    </RouterAnchor>
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="rels-title">
      <Title order={2} size="h4" id="rels-title" mb="sm">
        {t('intel.form.relationships')}
      </Title>
      <List size="sm" spacing={4}>
        {relationships.map((r) => (
          <List.Item key={r.id}>
            {end(r.from)}{' '}
            <Text span c="dimmed">
              — {t(`intel.relTypes.${r.type}`)} →
            </Text>{' '}
            {end(r.to)}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
