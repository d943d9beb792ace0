import type { FollowUpStatus } from '@cordon/contracts';
import { Alert, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { portalApi } from '../api.ts';
import { errorText } from '../components.tsx';
import { type Key, useI18n } from '../i18n.tsx';

/** Reference and token come in the fragment (#ref=…&token=…): browsers never send it to a server. */
function fromFragment(): { ref: string; token: string } | null {
  const p = new URLSearchParams(window.location.hash.slice(1));
  const ref = p.get('ref');
  const token = p.get('token');
  return ref && token ? { ref, token } : null;
}

export function FollowUpPage() {
  const { t } = useI18n();
  const [keys] = useState(fromFragment);
  const [status, setStatus] = useState<FollowUpStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!keys) return;
    portalApi.status(keys.ref, keys.token).then(setStatus, setLoadError);
  }, [keys]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!keys) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setStatus(await portalApi.add(keys.ref, keys.token, text));
      setText('');
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('followup.title')}</Title>
      {!keys && <Alert color="yellow">{t('followup.missing')}</Alert>}
      {loadError !== null && (
        <Alert color="red">
          {(loadError as { status?: number }).status === 404 ? t('followup.notFound') : errorText(t, loadError)}
        </Alert>
      )}
      {status && (
        <>
          <Text>
            <strong>{status.reference}</strong> — {t('followup.status')}: {t(`followup.status.${status.status}` as Key)}
          </Text>
          <Text>{t('followup.additions', { count: status.additions })}</Text>
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Textarea
                label={t('followup.add')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={4}
                maxLength={5000}
                required
              />
              <Button type="submit" loading={busy} disabled={text.trim() === ''} style={{ alignSelf: 'flex-start' }}>
                {t('common.submit')}
              </Button>
            </Stack>
          </form>
          {saved && (
            <Alert color="green" role="status">
              {t('followup.added')}
            </Alert>
          )}
          {error !== null && (
            <Alert color="red" role="alert">
              {errorText(t, error)}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
