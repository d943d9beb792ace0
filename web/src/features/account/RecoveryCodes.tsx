import { Alert, Button, CopyButton, Group, List, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once after enrolment. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="green" variant="light" title={t('security.enrolled')} role="status" />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('security.recoveryTitle')}
        </Title>
        <Alert color="yellow" variant="light" mb="md">
          {t('security.recoveryWarn')}
        </Alert>
        <List
          spacing={4}
          listStyleType="none"
          ff="monospace"
          fz="md"
          data-testid="recovery-codes"
          style={{ columns: '2 10rem' }}
        >
          {codes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
        <Group justify="flex-end" mt="md">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('security.copyAll')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDone}>{t('security.done')}</Button>
        </Group>
      </Paper>
    </Stack>
  );
}
