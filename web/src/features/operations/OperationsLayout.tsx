import { Box, Group, Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../components/links.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { OPS_READERS } from './roles.ts';

const TABS = [
  { key: 'list', to: '/operations' },
  { key: 'deconfliction', to: '/operations/deconfliction' },
] as const;

/** Every page of the Operations area: its navigation, then the page. */
export function OperationsLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = (to: string) =>
    to === '/operations' ? !pathname.startsWith('/operations/deconfliction') : pathname.startsWith(to);
  return (
    <RequireRole roles={OPS_READERS}>
      <Stack gap="lg">
        <Box component="nav" aria-label={t('operations.nav.label')} style={{ overflowX: 'auto' }} pb={2}>
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
                {t(`operations.nav.${tab.key}`)}
              </RouterButton>
            ))}
          </Group>
        </Box>
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
