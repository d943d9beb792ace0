import { Box, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../app/liveEvents.ts';
import { RouterButton } from '../../components/links.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { rescueKeys } from './api/rescueApi.ts';
import { RESCUE_READERS } from './shared.tsx';

const TABS = [
  { key: 'board', to: '/rescue' },
  { key: 'new', to: '/rescue/new' },
  { key: 'dashboard', to: '/rescue/dashboard' },
] as const;
const TOASTS: Record<string, string> = {
  'rescue.deadline.breached': 'red',
  'rescue.case.handoff': 'blue',
  'rescue.team.added': 'blue',
  'rescue.nationals.registered': 'teal',
  'rescue.match.found': 'grape',
};

/** Live: every rescue event refreshes the board and cases; alerts for this agency show as toasts. */
function RescueLive() {
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

export function RescueLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = (to: string) =>
    to === '/rescue'
      ? pathname === '/rescue' || pathname === '/rescue/' || pathname.startsWith('/rescue/cases')
      : pathname.startsWith(to);
  return (
    <RequireRole roles={RESCUE_READERS}>
      <RescueLive />
      <Stack gap="lg">
        <Box component="nav" aria-label={t('rescue.nav.label')} style={{ overflowX: 'auto' }} pb={2}>
          <Group gap={4} wrap="nowrap">
            {TABS.map((tab) => (
              <RouterButton
                key={tab.key}
                to={tab.to}
                size="sm"
                variant={current(tab.to) ? 'light' : 'subtle'}
                aria-current={current(tab.to) ? 'page' : undefined}
                style={{ flexShrink: 0 }}
              >
                {t(`rescue.nav.${tab.key}`)}
              </RouterButton>
            ))}
          </Group>
        </Box>
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
