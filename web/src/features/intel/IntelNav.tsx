import { Box, Group } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../components/links.tsx';
import { UnreadCount } from './inbox/UnreadCount.tsx';

const TABS = [
  { key: 'reports', to: '/intel' },
  { key: 'inbox', to: '/intel/inbox' },
  { key: 'search', to: '/intel/search' },
  { key: 'networks', to: '/intel/networks' },
  { key: 'map', to: '/intel/map' },
  { key: 'watchlist', to: '/intel/watchlist' },
] as const;

/** The area's sections as a row of links; scrolls sideways on a phone. */
export function IntelNav() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = (to: string) =>
    to === '/intel'
      ? pathname === '/intel' || pathname === '/intel/' || pathname.startsWith('/intel/reports')
      : pathname.startsWith(to);
  return (
    <Box component="nav" aria-label={t('intel.nav.label')} style={{ overflowX: 'auto' }} pb={2}>
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
              rightSection={tab.key === 'inbox' ? <UnreadCount testId="intel-unread-tab" /> : undefined}
            >
              {t(`intel.nav.${tab.key}`)}
            </RouterButton>
          );
        })}
      </Group>
    </Box>
  );
}
