import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../app/liveEvents.ts';
import { rescueKeys } from './api/rescueApi.ts';

const TOASTS: Record<string, string> = {
  'rescue.deadline.breached': 'red',
  'rescue.case.handoff': 'blue',
  'rescue.team.added': 'blue',
  'rescue.nationals.registered': 'teal',
  'rescue.match.found': 'grape',
};

/**
 * Live, app-wide (mounted in AppLayout): every rescue event refreshes the board and cases; alerts for
 * this agency (breaches, hand-offs, team additions, nationals registered, matches) show as toasts on any page.
 */
export function RescueLive() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        if (!event.topic.startsWith('rescue.')) return;
        void qc.invalidateQueries({ queryKey: rescueKeys.all });
        const colour = TOASTS[event.topic];
        if (!colour) return;
        const title = typeof event.data.title === 'string' ? event.data.title : '';
        notifications.show({
          id: event.id,
          color: colour,
          title: t(`rescue.toast.${event.topic.split('.').slice(1).join('-')}` as 'rescue.toast.deadline-breached'),
          message: title,
          autoClose: 20_000,
          withCloseButton: true,
          closeButtonProps: { 'aria-label': t('common.close') },
        });
      }),
    [qc, t],
  );
  return null;
}
