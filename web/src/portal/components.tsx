import type { CheckResult } from '@cordon/contracts';
import { Alert, Badge, Button, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { PortalApiError } from './api.ts';
import { COUNTRIES, countryName } from './countries.ts';
import { type Key, useI18n } from './i18n.tsx';
import { useLink } from './nav.tsx';

export function CountrySelect(props: {
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  error?: string;
}) {
  const { t, lang } = useI18n();
  const options = [...COUNTRIES]
    .map((c) => ({ value: c, label: countryName(c, lang) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <NativeSelect
      label={t('common.country')}
      description={t('common.countryHint')}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data={[{ value: '', label: '—' }, ...options]}
      required={props.required}
      error={props.error}
    />
  );
}

const COLORS = { low: 'green', medium: 'yellow', high: 'red' } as const;

/** The verdict: risk level, advice, and every reason in plain words with the words that triggered it. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t } = useI18n();
  const report = useLink('/report-scam');
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={2}>{t('result.title')}</Title>
      <Alert
        color={COLORS[result.risk]}
        variant="light"
        title={t(`result.risk.${result.risk}` as Key)}
        data-testid="risk"
      >
        {t(`result.advice.${result.risk}` as Key)}
      </Alert>
      <Title order={3} size="h4">
        {t('result.reasons')}
      </Title>
      <List spacing="xs" data-testid="reasons">
        {result.reasons.map((r) => (
          <List.Item key={`${r.code}-${r.evidence.join('|')}`}>
            <Text fw={r.severity === 'high' ? 700 : 400}>
              {r.severity !== 'info' && (
                <Badge color={r.severity === 'high' ? 'red' : 'yellow'} variant="light" mr="xs" component="span">
                  {r.severity === 'high' ? '!!' : '!'}
                </Badge>
              )}
              {t(`reason.${r.code}` as Key)}
            </Text>
            {r.evidence.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('result.evidence')} “{r.evidence.join('”, “')}”
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {result.risk !== 'low' && (
        <Text>
          <a {...report}>{t('result.reportIt')}</a>
        </Text>
      )}
    </Stack>
  );
}

/** Hidden from people (off-screen, not focusable, hidden from assistive technology); bots fill it in. */
export function Honeypot({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
      <label>
        {t('report.website')}
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      </label>
    </div>
  );
}

export function errorText(t: (k: Key) => string, e: unknown): string {
  const status = (e as { status?: number })?.status;
  if (status === 429) return t('common.tooMany');
  if (status === 400) return t('common.invalid');
  return t('common.error');
}

/**
 * Sending a portal form: busy while the request runs, the error (and the fields the server
 * refused) after a failure. `send` resolves with what the page shows next.
 */
export function useSubmission<T>(send: () => Promise<T>, onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await send());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fields = error instanceof PortalApiError ? error.fields : [];
  return { busy, error, submit, fields };
}

/**
 * The frame every portal form shares: the fields, the honeypot (report forms), one submit button,
 * and the error below the form, announced to screen readers.
 */
export function PortalForm(props: {
  submission: { busy: boolean; error: unknown; submit: (e: FormEvent) => void };
  submitLabel: string;
  disabled: boolean;
  /** Report forms: the hidden field bots fill in. */
  honeypot?: { value: string; onChange: (v: string) => void };
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { busy, error, submit } = props.submission;
  return (
    <>
      <form onSubmit={submit} noValidate style={{ position: 'relative' }}>
        <Stack gap="sm">
          {props.children}
          {props.honeypot && <Honeypot value={props.honeypot.value} onChange={props.honeypot.onChange} />}
          <Button type="submit" loading={busy} disabled={props.disabled} style={{ alignSelf: 'flex-start' }}>
            {props.submitLabel}
          </Button>
        </Stack>
      </form>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
    </>
  );
}
