import type { CheckResult } from '@cordon/contracts';
import { Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { portalApi } from '../api.ts';
import { CheckResultView, PortalForm, useSubmission } from '../components.tsx';
import { useI18n } from '../i18n.tsx';
import { usePortal } from '../state.tsx';

/** Check a job offer (kind 'job') or a message from a stranger (kind 'message'). */
export function CheckPage({ kind }: { kind: 'job' | 'message' }) {
  const { t } = useI18n();
  const { country, campaign } = usePortal();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [phone, setPhone] = useState('');
  const [handle, setHandle] = useState('');
  const [company, setCompany] = useState('');
  const [sender, setSender] = useState('');
  const [result, setResult] = useState<CheckResult | null>(null);
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const submission = useSubmission(() => {
    // A failed check leaves no earlier verdict on screen.
    setResult(null);
    const common = { ...(country ? { country } : {}), ...(campaign ? { campaign } : {}) };
    return kind === 'job'
      ? portalApi.checkJob({
          text,
          ...common,
          ...(opt(link) ? { link: opt(link) } : {}),
          ...(opt(phone) ? { phone: opt(phone) } : {}),
          ...(opt(handle) ? { handle: opt(handle) } : {}),
          ...(opt(company) ? { company: opt(company) } : {}),
        })
      : portalApi.checkMessage({ text, ...common, ...(opt(sender) ? { sender: opt(sender) } : {}) });
  }, setResult);
  const bad = submission.fields;
  return (
    <Stack gap="md">
      <Title order={1}>{t(kind === 'job' ? 'check.job.title' : 'check.message.title')}</Title>
      <Text>{t(kind === 'job' ? 'check.job.intro' : 'check.message.intro')}</Text>
      <PortalForm submission={submission} submitLabel={t('common.check')} disabled={text.trim() === ''}>
        <Textarea
          label={t(kind === 'job' ? 'check.job.text' : 'check.message.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          required
          autosize
          minRows={6}
          maxLength={kind === 'job' ? 20_000 : 5_000}
          error={bad.includes('text') ? t('common.invalid') : undefined}
        />
        {kind === 'job' ? (
          <>
            <TextInput
              label={t('check.job.link')}
              description={t('common.optional')}
              value={link}
              onChange={(e) => setLink(e.currentTarget.value)}
              maxLength={500}
            />
            <TextInput
              label={t('check.job.phone')}
              description={t('common.optional')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              maxLength={60}
              inputMode="tel"
            />
            <TextInput
              label={t('check.job.handle')}
              description={t('common.optional')}
              value={handle}
              onChange={(e) => setHandle(e.currentTarget.value)}
              maxLength={120}
            />
            <TextInput
              label={t('check.job.company')}
              description={t('common.optional')}
              value={company}
              onChange={(e) => setCompany(e.currentTarget.value)}
              maxLength={200}
            />
          </>
        ) : (
          <TextInput
            label={t('check.message.sender')}
            description={t('common.optional')}
            value={sender}
            onChange={(e) => setSender(e.currentTarget.value)}
            maxLength={120}
          />
        )}
      </PortalForm>
      {result && <CheckResultView result={result} />}
    </Stack>
  );
}
