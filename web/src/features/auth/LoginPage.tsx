import type { LoginResponse, Me } from '@cordon/contracts';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from '../../app/layout/ColorSchemeToggle.tsx';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch.tsx';
import { meQuery } from '../../app/session.ts';
import { safeRedirect } from './loginInput.ts';
import { MfaStep } from './MfaStep.tsx';
import { PasswordStep } from './PasswordStep.tsx';

export function LoginPage({ redirectTo }: { redirectTo?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [challenge, setChallenge] = useState<string | null>(null);

  const signedIn = (me: Me) => {
    queryClient.setQueryData(meQuery.queryKey, me);
    void navigate({ href: safeRedirect(redirectTo), replace: true });
  };
  const afterPassword = (res: LoginResponse) => {
    if (res.mfaRequired) setChallenge(res.challenge);
    else signedIn(res.me);
  };

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group component="header" justify="space-between" p="md">
        <Text fw={800} fz="xl">
          {t('app.name')}
        </Text>
        <Group gap="sm">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Center component="main" px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <Stack gap="xs" mb="lg">
            <Title order={1} size="h2">
              {challenge ? t('login.mfaTitle') : t('login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          {challenge ? (
            <MfaStep challenge={challenge} onDone={signedIn} onRestart={() => setChallenge(null)} />
          ) : (
            <PasswordStep onDone={afterPassword} />
          )}
        </Paper>
      </Center>
    </Box>
  );
}
