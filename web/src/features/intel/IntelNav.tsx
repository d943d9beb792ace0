import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SectionNav } from '../../components/SectionNav.tsx';
import { UnreadCount } from './inbox/UnreadCount.tsx';
import { useIntelPermissions } from './shared/intelRoles.ts';

const TABS = [
  { key: 'reports', to: '/intel' },
  { key: 'inbox', to: '/intel/inbox' },
  { key: 'search', to: '/intel/search' },
  { key: 'networks', to: '/intel/networks' },
  { key: 'map', to: '/intel/map' },
  { key: 'watchlist', to: '/intel/watchlist' },
  { key: 'taxonomy', to: '/intel/taxonomy' },
] as const;

/** The area's sections as a row of links; scrolls sideways on a phone. */
export function IntelNav() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const perms = useIntelPermissions();
  // Without the right to read intelligence (a hub administrator), only the taxonomy.
  const tabs = perms.read ? TABS : TABS.filter((tab) => tab.key === 'taxonomy');
  const current = (to: string) =>
    to === '/intel'
      ? pathname === '/intel' || pathname === '/intel/' || pathname.startsWith('/intel/reports')
      : pathname.startsWith(to);
  return (
    <SectionNav
      label={t('intel.nav.label')}
      tabs={tabs.map((tab) => ({
        ...tab,
        label: t(`intel.nav.${tab.key}`),
        right: tab.key === 'inbox' && perms.read ? <UnreadCount testId="intel-unread-tab" /> : undefined,
      }))}
      isCurrent={current}
    />
  );
}
