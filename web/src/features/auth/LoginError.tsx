import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/**
 * Login and MFA failures: 401 says only that the credentials (or code) are wrong, never which part;
 * 429 shows Retry-After when the server sent it; 423 means the account is locked.
 */
export function LoginError({ error, step }: { error: unknown; step: 'password' | 'mfa' }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = isApiError(error) ? error.status : -1;
  if (status === 401) {
    return <ProblemAlert error={error} title={step === 'password' ? t('login.invalid') : t('login.invalidCode')} />;
  }
  if (status === 429) {
    const wait = isApiError(error) ? error.retryAfter : null;
    return (
      <ProblemAlert error={error} title={t('login.tooMany')}>
        {wait !== null ? <Text size="sm">{t('login.retryIn', { count: wait })}</Text> : null}
      </ProblemAlert>
    );
  }
  if (status === 423) {
    return (
      <ProblemAlert error={error} title={t('login.locked')}>
        <Text size="sm">{t('login.lockedHint')}</Text>
      </ProblemAlert>
    );
  }
  return <ProblemAlert error={error} />;
}
