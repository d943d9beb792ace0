import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unreadQuery } from '../api/alertsApi.ts';

/** The number of unread alerts as a small red badge (nothing when none); polled, and refreshed on live alerts. */
export function UnreadCount({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(unreadQuery);
  const n = data?.unread ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" data-testid={testId} data-count={n} style={{ flexShrink: 0 }}>
      {n > 99 ? '99+' : n}
      <VisuallyHidden> {t('intel.inbox.unreadSuffix', { count: n })}</VisuallyHidden>
    </Badge>
  );
}
