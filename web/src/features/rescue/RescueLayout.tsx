import { Box, Group, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../components/links.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { RESCUE_READERS } from './shared.tsx';

const TABS = [
  { key: 'board', to: '/rescue' },
  { key: 'new', to: '/rescue/new' },
  { key: 'dashboard', to: '/rescue/dashboard' },
] as const;
export function RescueLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = (to: string) =>
    to === '/rescue'
      ? pathname === '/rescue' || pathname === '/rescue/' || pathname.startsWith('/rescue/cases')
      : pathname.startsWith(to);
  return (
    <RequireRole roles={RESCUE_READERS}>
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
