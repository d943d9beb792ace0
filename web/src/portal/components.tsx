import type { CheckResult } from '@cordon/contracts';
import { Alert, Badge, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
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
