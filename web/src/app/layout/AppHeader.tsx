import { ActionIcon, Box, Burger, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LogoutIcon } from '../../components/icons.tsx';
import { RouterAnchor } from '../../components/links.tsx';
import { useLogout } from '../session.ts';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserSummary } from './UserSummary.tsx';

interface Props {
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: Props) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('header.toggleNav')}
          aria-expanded={navOpened}
          aria-controls="app-navbar"
        />
        <RouterAnchor to="/" fw={800} fz="xl" c="var(--mantine-color-text)" underline="never">
          {t('app.name')}
        </RouterAnchor>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Box visibleFrom="md">
          <UserSummary align="right" />
        </Box>
        <LanguageSwitch />
        <ColorSchemeToggle />
        <Button variant="default" size="sm" onClick={() => void logout()} visibleFrom="sm">
          {t('header.logout')}
        </Button>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => void logout()}
          hiddenFrom="sm"
          aria-label={t('header.logout')}
          title={t('header.logout')}
        >
          <LogoutIcon />
        </ActionIcon>
      </Group>
    </Group>
  );
}
