import { Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../components/RequireRole.tsx';
import { SectionNav } from '../../components/SectionNav.tsx';
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
        <SectionNav
          label={t('operations.nav.label')}
          tabs={TABS.map((tab) => ({ ...tab, label: t(`operations.nav.${tab.key}`) }))}
          isCurrent={current}
        />
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
