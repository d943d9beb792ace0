import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Neighbourhood } from '../api/types.ts';

/** The graph's nodes as a text list (for screen readers, and for anyone who prefers a list), with their links. */
export function NodeList({
  data,
  focus,
  onOpen,
}: {
  data: Neighbourhood;
  focus: string;
  onOpen: (nodeId: string) => void;
}) {
  const { t } = useTranslation();
  const degree = new Map<string, number>();
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes = [...data.nodes].sort(
    (a, b) => Number(b.id === focus) - Number(a.id === focus) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0),
  );
  return (
    <List size="sm" spacing={4} data-testid="graph-nodes" aria-label={t('intel.graph.nodeList')}>
      {nodes.map((n) => (
        <List.Item key={n.id}>
          <Group gap={6} wrap="wrap">
            <Badge size="xs" variant="outline" color="gray">
              {t(`intel.graphTypes.${n.type}`)}
            </Badge>
            {n.id === focus ? (
              <Text span size="sm" fw={700}>
                {n.label} ({t('intel.graph.thisOne')})
              </Text>
            ) : (
              <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpen(n.id)}>
                {n.label}
              </Anchor>
            )}
            <Text span size="xs" c="dimmed">
              {t('intel.graph.links', { count: degree.get(n.id) ?? 0 })}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
