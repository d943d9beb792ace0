import type { Me } from '@cordon/contracts';
import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { LoginError } from './LoginError.tsx';
import { normaliseCode } from './loginInput.ts';

interface Props {
  challenge: string;
  onDone: (me: Me) => void;
  onRestart: () => void;
}

export function MfaStep({ challenge, onDone, onRestart }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const verify = useMutation({
    mutationFn: () => api<Me>('POST', '/api/auth/mfa', { challenge, code: normaliseCode(code) }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!code.trim());
    if (code.trim()) verify.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LoginError error={verify.error} step="mfa" />
        <TextInput
          label={t('login.code')}
          description={t('login.codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          required
          withAsterisk={false}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={missing ? t('common.required') : undefined}
          autoFocus
        />
        <Button type="submit" loading={verify.isPending}>
          {t('login.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          {t('login.startAgain')}
        </Anchor>
      </Stack>
    </form>
  );
}
