import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../components/links.tsx';
import { useErrorTitle } from '../components/ProblemAlert.tsx';
import { isApiError } from './api.ts';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack p="md" component="main" gap="md">
      <Title order={1}>{t('errors.notFound')}</Title>
      <Text>{t('errors.notFoundPage')}</Text>
      <div>
        <RouterButton to="/">{t('errors.goHome')}</RouterButton>
      </div>
    </Stack>
  );
}

/** A route whose loading failed (server down, 5xx): say so and offer to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const headline = useErrorTitle();
  const detail = isApiError(error) ? error.problem?.detail : undefined;
  return (
    <Center component="main" p="xl">
      <Stack maw={520} w="100%">
        <Alert color="red" variant="light" title={headline(error)} role="alert">
          {detail ? <Text size="sm">{detail}</Text> : null}
        </Alert>
        <Group>
          <Button onClick={() => (reset ? reset() : window.location.reload())}>{t('errors.tryAgain')}</Button>
        </Group>
      </Stack>
    </Center>
  );
}

export function PendingPage() {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="60vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
