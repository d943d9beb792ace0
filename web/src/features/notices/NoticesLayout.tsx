import { Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../../components/RequireRole.tsx';
import { SectionNav } from '../../components/SectionNav.tsx';
import { NOTICE_READERS, useNoticePermissions } from './roles.ts';

/** Every page of the Notices area: its navigation, then the page. */
export function NoticesLayout() {
  const { t } = useTranslation();
  const perms = useNoticePermissions();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const tabs = [
    { key: 'inbox', to: '/notices', show: true },
    { key: 'new', to: '/notices/new', show: perms.write },
    { key: 'review', to: '/notices/review', show: perms.review },
    { key: 'diffusions', to: '/notices/diffusions', show: true },
  ] as const;
  const current = (to: string) =>
    to === '/notices'
      ? !['/notices/new', '/notices/review', '/notices/diffusions'].some((p) => pathname.startsWith(p))
      : pathname.startsWith(to);
  return (
    <RequireRole roles={NOTICE_READERS}>
      <Stack gap="lg">
        <SectionNav
          label={t('notices.nav.label')}
          tabs={tabs.filter((x) => x.show).map((tab) => ({ ...tab, label: t(`notices.nav.${tab.key}`) }))}
          isCurrent={current}
        />
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
