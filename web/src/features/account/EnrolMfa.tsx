import type { MfaEnrolment } from '@cordon/contracts';
import { Button, Code, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useConfirmEnrolment } from './mfaApi.ts';

interface Props {
  enrolment: MfaEnrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Step two of enrolment: scan the QR (or type the secret), then prove it with a code. */
export function EnrolMfa({ enrolment, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState<string | undefined>();
  const server = fieldErrors(confirm.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return setFormatError(t('security.codeFormat'));
    setFormatError(undefined);
    confirm.mutate(digits, { onSuccess: (res) => onConfirmed(res.recoveryCodes) });
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Text size="sm">{t('security.scan')}</Text>
        <Group align="flex-start" gap="lg">
          <Image src={enrolment.qrDataUrl} alt={t('security.qrAlt')} w={200} h={200} bg="white" p={8} radius="sm" />
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600} id="mfa-secret-label">
              {t('security.secret')}
            </Text>
            <Code block aria-labelledby="mfa-secret-label" data-testid="mfa-secret" style={{ wordBreak: 'break-all' }}>
              {enrolment.secret}
            </Code>
          </Stack>
        </Group>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={confirm.error} />
            <TextInput
              label={t('security.confirmCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={formatError ?? server.code}
              maw={240}
            />
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                {t('security.confirm')}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
