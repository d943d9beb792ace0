import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CentreStatus } from '../api/types.ts';
import { STATUS_COLOURS } from './palette.ts';

/** A scam centre's status, with the colour the map uses for it. */
export function StatusBadge({ status }: { status: CentreStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLOURS[status]} size="sm" tt="none">
      {t(`intel.centreStatus.${status}`)}
    </Badge>
  );
}
