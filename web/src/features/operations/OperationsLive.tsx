import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../app/liveEvents.ts';
import { opsKeys } from './api/operationsApi.ts';

/**
 * Listens to `operations.*` events: refreshes the area's views, and shows a toast for a
 * deconfliction alert (naming only the other agency and its contact point) or an overdue task.
 */
export function OperationsLive() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        if (!event.topic.startsWith('operations.')) return;
        void queryClient.invalidateQueries({ queryKey: opsKeys.all });
        const d = event.data as Record<string, string>;
        if (event.topic === 'operations.conflict.alert') {
          notifications.show({
            id: event.id,
            closeButtonProps: { 'aria-label': t('common.close') },
            color: 'red',
            autoClose: false,
            title: t('operations.live.conflictTitle'),
            message: (
              <Text size="sm" c="var(--mantine-color-text)">
                {t('operations.live.conflict', { label: d.label, agency: d.otherAgencyName, contact: d.contactPoint })}
              </Text>
            ),
          });
        } else if (event.topic === 'operations.task.overdue') {
          notifications.show({
            id: event.id,
            closeButtonProps: { 'aria-label': t('common.close') },
            color: 'orange',
            title: t('operations.live.overdueTitle'),
            message: (
              <Text size="sm" c="var(--mantine-color-text)">
                {d.title}
              </Text>
            ),
          });
        }
      }),
    [queryClient, t],
  );
  return null;
}
