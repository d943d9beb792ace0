import { Box, Group, Loader, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../components/links.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
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
        <Box component="nav" aria-label={t('notices.nav.label')} style={{ overflowX: 'auto' }} pb={2}>
          <Group gap={4} wrap="nowrap">
            {tabs
              .filter((x) => x.show)
              .map((tab) => (
                <RouterButton
                  key={tab.key}
                  to={tab.to}
                  size="sm"
                  variant={current(tab.to) ? 'light' : 'subtle'}
                  aria-current={current(tab.to) ? 'page' : undefined}
                  style={{ flexShrink: 0 }}
                >
                  {t(`notices.nav.${tab.key}`)}
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
