import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CENTRE_STATUS_LIST } from '../shared/palette.ts';
import { StatusMark } from './StatusMark.tsx';

export function MapLegend({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <Group
      gap="lg"
      wrap="wrap"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('intel.map.legend')}
    >
      {CENTRE_STATUS_LIST.map((s) => (
        <Group key={s} gap={6} component="li" wrap="nowrap">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <StatusMark status={s} x={8} y={8} r={5.5} />
          </svg>
          <Text size="sm">
            {t(`intel.centreStatus.${s}`)} ({counts[s] ?? 0})
          </Text>
        </Group>
      ))}
    </Group>
  );
}
