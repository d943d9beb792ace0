import { Box, Group, Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../components/links.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { FINANCE_READERS } from './roles.ts';

const TABS = [
  { key: 'accounts', to: '/finance' },
  { key: 'trace', to: '/finance/trace' },
  { key: 'freezes', to: '/finance/freezes' },
  { key: 'ledger', to: '/finance/ledger' },
  { key: 'rates', to: '/finance/rates' },
] as const;

/** Every page of the Finance area: its own navigation, then the page. */
export function FinanceLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = (to: string) =>
    to === '/finance'
      ? pathname === '/finance' || pathname === '/finance/' || pathname.startsWith('/finance/accounts')
      : pathname.startsWith(to);
  return (
    <RequireRole roles={FINANCE_READERS}>
      <Stack gap="lg">
        <Box component="nav" aria-label={t('finance.nav.label')} style={{ overflowX: 'auto' }} pb={2}>
          <Group gap={4} wrap="nowrap">
            {TABS.map((tab) => {
              const active = current(tab.to);
              return (
                <RouterButton
                  key={tab.key}
                  to={tab.to}
                  size="sm"
                  variant={active ? 'light' : 'subtle'}
                  aria-current={active ? 'page' : undefined}
                  style={{ flexShrink: 0 }}
                >
                  {t(`finance.nav.${tab.key}`)}
                </RouterButton>
              );
            })}
          </Group>
        </Box>
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
