import { Box, Divider, ScrollArea, Text } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RouterNavLink } from '../../components/links.tsx';
import { UnreadCount } from '../../features/intel/inbox/UnreadCount.tsx';
import { canReadIntel } from '../../features/intel/shared/intelRoles.ts';
import { AREAS } from '../nav.ts';
import { hasAnyRole, isAdmin, useMe } from '../session.ts';
import { UserSummary } from './UserSummary.tsx';

function SectionLabel({ children }: { children: string }) {
  return (
    <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
      {children}
    </Text>
  );
}

/** Areas for everyone, Administration for agency and hub admins, then the user's own account. */
export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active = (path: string) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  const agencyAdmin = hasAnyRole(me, 'agency-admin');

  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Box hiddenFrom="md" px="sm" pb="sm">
        <UserSummary />
        <Divider mt="sm" />
      </Box>
      <RouterNavLink to="/" label={t('nav.home')} active={active('/')} onClick={onNavigate} />
      <SectionLabel>{t('nav.areas')}</SectionLabel>
      {AREAS.map((area) => (
        <RouterNavLink
          key={area.key}
          to={area.path}
          label={t(`areas.${area.key}.title`)}
          active={active(area.path)}
          onClick={onNavigate}
          rightSection={
            area.key === 'intel' && canReadIntel(me) ? <UnreadCount testId="intel-unread-nav" /> : undefined
          }
        />
      ))}
      {isAdmin(me) ? (
        <>
          <SectionLabel>{t('nav.admin')}</SectionLabel>
          <RouterNavLink
            to="/admin/users"
            label={t('nav.users')}
            active={active('/admin/users')}
            onClick={onNavigate}
          />
          {agencyAdmin ? (
            <RouterNavLink
              to="/admin/tokens"
              label={t('nav.tokens')}
              active={active('/admin/tokens')}
              onClick={onNavigate}
            />
          ) : null}
          <RouterNavLink
            to="/admin/agencies"
            label={t('nav.agencies')}
            active={active('/admin/agencies')}
            onClick={onNavigate}
          />
        </>
      ) : null}
      <SectionLabel>{t('nav.account')}</SectionLabel>
      <RouterNavLink
        to="/account/security"
        label={t('nav.security')}
        active={active('/account/security')}
        onClick={onNavigate}
      />
    </ScrollArea>
  );
}
