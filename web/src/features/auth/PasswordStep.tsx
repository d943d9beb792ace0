import type { LoginResponse } from '@cordon/contracts';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { LoginError } from './LoginError.tsx';

export function PasswordStep({ onDone }: { onDone: (res: LoginResponse) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const login = useMutation({
    mutationFn: () => api<LoginResponse>('POST', '/api/auth/login', { email: email.trim(), password }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const now = { email: !email.trim(), password: !password };
    setMissing(now);
    if (!now.email && !now.password) login.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LoginError error={login.error} step="password" />
        <TextInput
          label={t('login.email')}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={missing.email ? t('common.required') : undefined}
          data-autofocus
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={missing.password ? t('common.required') : undefined}
        />
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
