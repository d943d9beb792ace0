import type { RescueCase } from '@cordon/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseMap } from './CaseMap.tsx';

/** The last known location of the case: map, place and confidence. */
export function CaseLocation({ c }: { c: RescueCase }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('rescue.case.location')}
        </Title>
        {c.location?.lat != null && c.location?.lon != null ? (
          <CaseMap
            lat={c.location.lat}
            lon={c.location.lon}
            label={t('rescue.case.mapLabel', { area: c.location.area || c.ref })}
          />
        ) : null}
        {c.location ? (
          <Text size="sm">
            {[c.location.scamCentre?.label, c.location.area, c.location.description].filter(Boolean).join(' · ') || '—'}
            {c.location.confidence !== null
              ? ` (${t('rescue.new.confidence')}: ${Math.round(c.location.confidence * 100)} %)`
              : ''}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('rescue.case.noLocation')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
