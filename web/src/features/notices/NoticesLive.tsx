import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../app/liveEvents.ts';
import { noticeKeys } from './api/noticesApi.ts';

const TOASTS: Record<string, 'published' | 'review' | 'returned' | 'diffusion'> = {
  'notices.notice.published': 'published',
  'notices.review.requested': 'review',
  'notices.notice.returned': 'returned',
  'notices.diffusion': 'diffusion',
};

/** Listens to `notices.*` events: refreshes the area's views and shows a toast for the ones that call for action. */
export function NoticesLive() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        if (!event.topic.startsWith('notices.')) return;
        void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
        const kind = TOASTS[event.topic];
        if (kind) {
          notifications.show({
            id: event.id,
            closeButtonProps: { 'aria-label': t('common.close') },
            color: 'blue',
            title: t(`notices.live.${kind}`),
            // Mantine's grey description text is under 4.5:1: use the body text colour.
            message: (
              <Text size="sm" c="var(--mantine-color-text)">
                {String((event.data as { title?: unknown }).title ?? '')}
              </Text>
            ),
          });
        }
      }),
    [queryClient, t],
  );
  return null;
}
