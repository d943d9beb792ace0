import { Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../components/RequireRole.tsx';
import { SectionNav } from '../../components/SectionNav.tsx';
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
        <SectionNav
          label={t('finance.nav.label')}
          tabs={TABS.map((tab) => ({ ...tab, label: t(`finance.nav.${tab.key}`) }))}
          isCurrent={current}
        />
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
