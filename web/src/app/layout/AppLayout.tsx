import { AppShell, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertToasts } from '../../features/intel/inbox/AlertToasts.tsx';
import { canReadIntel } from '../../features/intel/shared/intelRoles.ts';
import { NoticesLive } from '../../features/notices/NoticesLive.tsx';
import { OperationsLive } from '../../features/operations/OperationsLive.tsx';
import { RescueLive } from '../../features/rescue/RescueLive.tsx';
import { useMe } from '../session.ts';
import { AppHeader } from './AppHeader.tsx';
import { AppNavbar } from './AppNavbar.tsx';

/** The signed-in shell: header, navbar (behind a burger below the `sm` breakpoint), main. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      {/* Inside the router, so that a toast can hold a link. */}
      <Notifications position="top-right" zIndex={400} limit={4} />
      {canReadIntel(me) ? <AlertToasts /> : null}
      <OperationsLive />
      <NoticesLive />
      <RescueLive />
      <a href="#main" className="cordon-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="xs" aria-label={t('nav.main')}>
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label={t('app.loading')} />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
