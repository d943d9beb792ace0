import type { OperationStatus } from '@cordon/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<OperationStatus, string> = {
  planning: 'blue',
  active: 'green',
  concluded: 'gray',
  archived: 'dark',
};

export function StatusBadge({ status }: { status: OperationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`operations.status.${status}`)}
    </Badge>
  );
}
