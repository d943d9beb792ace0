import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The secret token, shown once with a copy button and a warning. */
export function IssuedToken({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="yellow" variant="light" title={t('tokens.shownOnceTitle')} role="alert">
        {t('tokens.shownOnce')}
      </Alert>
      <div>
        <Text size="sm" fw={500} mb={4} id="issued-token-label">
          {t('tokens.tokenLabel')}
        </Text>
        <Code block aria-labelledby="issued-token-label" data-testid="issued-token" style={{ wordBreak: 'break-all' }}>
          {token}
        </Code>
      </div>
      <Group justify="flex-end">
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button variant="default" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('tokens.done')}</Button>
      </Group>
    </Stack>
  );
}
