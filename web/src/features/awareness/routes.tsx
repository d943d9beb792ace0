import type { Role } from '@cordon/contracts';
import { Group } from '@mantine/core';
import { type AnyRoute, createRoute, Link, Outlet } from '@tanstack/react-router';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/session.ts';

const TriagePage = lazy(() => import('./TriagePage.tsx').then((m) => ({ default: m.TriagePage })));
const CampaignsPage = lazy(() => import('./CampaignsPage.tsx').then((m) => ({ default: m.CampaignsPage })));
const DirectoryPage = lazy(() => import('./DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })));

/** Who maintains the support directory (server: DIRECTORY_ROLES in directory.service.ts). */
const DIRECTORY_ROLES: Role[] = ['agency-admin', 'supervisor', 'case-worker', 'hub-admin'];

function AwarenessLayout() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <nav aria-label={t('awareness.nav')}>
        <Group gap="md" mb="md">
          <Link to="/awareness" activeOptions={{ exact: true }}>
            {t('awareness.triageTitle')}
          </Link>
          <Link to="/awareness/campaigns">{t('awareness.campaignsTitle')}</Link>
          {hasAnyRole(me, ...DIRECTORY_ROLES) && <Link to="/awareness/directory">{t('awareness.directoryTitle')}</Link>}
        </Group>
      </nav>
      <Outlet />
    </>
  );
}

/** Awareness, /awareness/…: the triage queue of public reports, the campaigns and the support directory. */
export function createAwarenessRoutes<P extends AnyRoute>(parent: P) {
  const root = createRoute({ getParentRoute: () => parent, path: 'awareness', component: AwarenessLayout });
  const triage = createRoute({ getParentRoute: () => root, path: '/', component: TriagePage });
  const campaigns = createRoute({ getParentRoute: () => root, path: 'campaigns', component: CampaignsPage });
  const directory = createRoute({ getParentRoute: () => root, path: 'directory', component: DirectoryPage });
  return root.addChildren([triage, campaigns, directory]);
}
