import { Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../components/RequireRole.tsx';
import { SectionNav } from '../../components/SectionNav.tsx';
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
        <SectionNav
          label={t('rescue.nav.label')}
          tabs={TABS.map((tab) => ({ ...tab, label: t(`rescue.nav.${tab.key}`) }))}
          isCurrent={current}
        />
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
