import type { Audience } from '@cordon/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgencyNames } from '../shared/useAgencyNames.ts';

/** Who may read a record, in words. */
export function AudienceText({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const agencies = useAgencyNames();
  const who =
    audience.kind === 'all'
      ? t('intel.audience.all')
      : audience.kind === 'regions'
        ? audience.regions.map((r) => t(`regions.${r}`)).join(', ')
        : audience.agencyIds.map(agencies.name).join(', ');
  return (
    <Text size="sm" c="dimmed">
      {t('intel.audience.shownTo', { who })}
    </Text>
  );
}
