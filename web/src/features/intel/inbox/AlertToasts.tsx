import type { AlertMessage } from '@cordon/contracts';
import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../../app/liveEvents.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { useMarkRead } from '../api/alertsApi.ts';
import { type AlertKind, alertKindOfTopic, alertTarget } from './alertTarget.ts';
import { useAlertText } from './useAlertText.ts';

const COLOURS: Record<AlertKind, string> = { hit: 'red', watch: 'blue', disclosure: 'grape' };

function ToastBody({
  title,
  message,
  alertId,
  refType,
  refId,
}: {
  title: string;
  message: AlertMessage | null;
  alertId: string;
  refType: string;
  refId: string;
}) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const text = useAlertText();
  return (
    <Stack gap={4}>
      {/* Mantine's grey description text is under 4.5:1: use the body text colour. */}
      <Text size="sm" c="var(--mantine-color-text)">
        {text({ title, message })}
      </Text>
      <RouterAnchor
        size="sm"
        fw={600}
        {...alertTarget({ refType, refId })}
        onClick={() => {
          if (alertId) markRead.mutate([alertId]);
          notifications.hide(alertId);
        }}
      >
        {t('intel.inbox.open')}
      </RouterAnchor>
    </Stack>
  );
}

/**
 * Listens to the live stream for `intel.*.alert` events: refreshes the unread count, the inbox and
 * the hits, and shows a toast that opens the alert's subject.
 */
export function AlertToasts() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        const kind = alertKindOfTopic(event.topic);
        if (!kind) return;
        for (const key of ['unread', 'alerts', 'hits', 'hit', 'disclosures', 'report'])
          void queryClient.invalidateQueries({ queryKey: ['intel', key] });
        const d = event.data;
        const alertId = typeof d.alertId === 'string' ? d.alertId : event.id;
        notifications.show({
          id: alertId,
          color: COLOURS[kind],
          title: t(`intel.toast.${kind}`),
          autoClose: 15_000,
          withCloseButton: true,
          closeButtonProps: { 'aria-label': t('common.close') },
          message: (
            <ToastBody
              title={typeof d.title === 'string' ? d.title : ''}
              message={d.message && typeof d.message === 'object' ? (d.message as AlertMessage) : null}
              alertId={alertId}
              refType={typeof d.refType === 'string' ? d.refType : ''}
              refId={typeof d.refId === 'string' ? d.refId : ''}
            />
          ),
        });
      }),
    [queryClient, t],
  );
  return null;
}
