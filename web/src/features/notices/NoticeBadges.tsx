import type { NoticeStatus, NoticeType } from '@cordon/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TYPE_COLOURS } from './fields.ts';

const STATUS_COLOURS: Record<NoticeStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  published: 'green',
  cancelled: 'dark',
  expired: 'dark',
};

export function TypeBadge({ type }: { type: NoticeType }) {
  const { t } = useTranslation();
  return (
    <Badge color={TYPE_COLOURS[type]} variant="filled" autoContrast>
      {t(`notices.types.${type}`)}
    </Badge>
  );
}

export function NoticeStatusBadge({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`notices.statuses.${status}`)}
    </Badge>
  );
}
