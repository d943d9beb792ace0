import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NODE_COLOURS, NODE_TYPES } from '../shared/palette.ts';

export function GraphLegend() {
  const { t } = useTranslation();
  return (
    <Group
      gap="md"
      wrap="wrap"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('intel.graph.legend')}
    >
      {NODE_TYPES.map((type) => (
        <Group key={type} gap={6} component="li" wrap="nowrap">
          <Box w={12} h={12} style={{ borderRadius: '50%', background: NODE_COLOURS[type] }} aria-hidden />
          <Text size="sm">{t(`intel.graphTypes.${type}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
