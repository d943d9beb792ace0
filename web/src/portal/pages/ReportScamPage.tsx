import { type PublicReceipt, SCAM_CHANNELS, SCAM_TYPES } from '@cordon/contracts';
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { portalApi } from '../api.ts';
import { CountrySelect, PortalForm, useSubmission } from '../components.tsx';
import { type Key, useI18n } from '../i18n.tsx';
import { usePortal } from '../state.tsx';

const KINDS = ['phone', 'handle', 'url', 'email', 'crypto', 'bank-account'] as const;
type Kind = (typeof KINDS)[number];
const CURRENCIES = ['USD', 'IDR', 'VND', 'THB', 'PHP', 'CNY', 'INR', 'MYR', 'KES', 'EUR', 'USDT'];

/** The receipt: reference number and the private link (token in the fragment: never sent in requests or logs). */
export function Receipt({ receipt }: { receipt: PublicReceipt }) {
  const { t } = useI18n();
  const link = `${window.location.origin}/follow-up#ref=${receipt.reference}&token=${receipt.token}`;
  return (
    <Alert color="green" variant="light" title={t('report.sent')} role="status" data-testid="receipt">
      <Stack gap="xs">
        <Text>
          {t('report.reference')}: <strong data-testid="reference">{receipt.reference}</strong>
        </Text>
        <Text>{t('report.link')}:</Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="private-link">
          {link}
        </Code>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button variant="outline" onClick={copy} style={{ alignSelf: 'flex-start' }}>
              {copied ? t('report.copied') : t('report.copy')}
            </Button>
          )}
        </CopyButton>
        <Text size="sm">{t('report.linkHint')}</Text>
      </Stack>
    </Alert>
  );
}

export function ReportScamPage() {
  const { t, lang } = useI18n();
  const { country, setCountry, campaign } = usePortal();
  const [channel, setChannel] = useState<string>('messaging-app');
  const [scamType, setScamType] = useState<string>('fake-job');
  const [what, setWhat] = useState('');
  const [selectors, setSelectors] = useState<{ kind: Kind; value: string }[]>([{ kind: 'phone', value: '' }]);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [contact, setContact] = useState('');
  const [website, setWebsite] = useState('');
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  const submission = useSubmission(
    () =>
      portalApi.reportScam({
        country,
        channel: channel as never,
        scamType: scamType as never,
        whatHappened: what,
        selectors: selectors
          .filter((s) => s.value.trim() !== '')
          .map((s) => ({
            kind: s.kind,
            value: s.value.trim(),
            ...(s.kind === 'handle' && !/[/.]/.test(s.value) ? { platform: 'telegram' as const } : {}),
          })),
        amountsLost: amount.trim() ? [{ amount: amount.trim().replace(',', '.'), currency }] : [],
        ...(contact.trim() ? { contact: contact.trim() } : {}),
        ...(campaign ? { campaign } : {}),
        lang: lang as never,
        website,
      }),
    setReceipt,
  );
  const bad = submission.fields;

  if (receipt)
    return (
      <Stack gap="md">
        <Title order={1}>{t('report.title')}</Title>
        <Receipt receipt={receipt} />
      </Stack>
    );
  return (
    <Stack gap="md">
      <Title order={1}>{t('report.title')}</Title>
      <Text>{t('report.intro')}</Text>
      <PortalForm
        submission={submission}
        submitLabel={t('common.submit')}
        honeypot={{ value: website, onChange: setWebsite }}
        disabled={!country || what.trim().length < 10}
      >
        <CountrySelect
          value={country}
          onChange={setCountry}
          required
          error={bad.includes('country') ? t('common.invalid') : undefined}
        />
        <NativeSelect
          label={t('report.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
          data={SCAM_CHANNELS.map((c) => ({ value: c, label: t(`report.channel.${c}` as Key) }))}
        />
        <NativeSelect
          label={t('report.type')}
          value={scamType}
          onChange={(e) => setScamType(e.currentTarget.value)}
          data={SCAM_TYPES.map((c) => ({ value: c, label: t(`report.type.${c}` as Key) }))}
        />
        <Textarea
          label={t('report.what')}
          description={t('report.whatHint')}
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value)}
          required
          autosize
          minRows={5}
          maxLength={5000}
          error={bad.includes('whatHappened') ? t('common.invalid') : undefined}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={500} size="sm">
              {t('report.selectors')}
            </Text>
          </legend>
          <Stack gap="xs">
            {selectors.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                <NativeSelect
                  label={`${t('report.selectorKind')} ${i + 1}`}
                  value={s.kind}
                  onChange={(e) => {
                    const kind = e.currentTarget.value as Kind;
                    setSelectors((xs) => xs.map((x, j) => (j === i ? { ...x, kind } : x)));
                  }}
                  data={KINDS.map((k) => ({ value: k, label: t(`report.kind.${k}` as Key) }))}
                  w={170}
                />
                <TextInput
                  label={`${t('report.selectorValue')} ${i + 1}`}
                  value={s.value}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setSelectors((xs) => xs.map((x, j) => (j === i ? { ...x, value } : x)));
                  }}
                  maxLength={300}
                  style={{ flex: '1 1 180px' }}
                />
                {selectors.length > 1 && (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setSelectors((xs) => xs.filter((_, j) => j !== i))}
                  >
                    {t('report.remove')}
                  </Button>
                )}
              </Group>
            ))}
            {selectors.length < 20 && (
              <Button
                variant="light"
                onClick={() => setSelectors((xs) => [...xs, { kind: 'phone', value: '' }])}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('report.addSelector')}
              </Button>
            )}
          </Stack>
        </fieldset>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('report.amount')}
            description={t('common.optional')}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            inputMode="decimal"
            style={{ flex: '1 1 160px' }}
            error={bad.includes('amountsLost') ? t('common.invalid') : undefined}
          />
          <NativeSelect
            label={t('report.currency')}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            data={CURRENCIES}
            w={120}
          />
        </Group>
        <TextInput
          label={t('report.contact')}
          description={t('report.contactHint')}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          maxLength={300}
        />
      </PortalForm>
    </Stack>
  );
}
