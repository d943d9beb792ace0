import type { PublicReceipt } from '@cordon/contracts';
import { NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { portalApi } from '../api.ts';
import { CountrySelect, PortalForm, useSubmission } from '../components.tsx';
import { useI18n } from '../i18n.tsx';
import { usePortal } from '../state.tsx';
import { Receipt } from './ReportScamPage.tsx';

export function ReportRelativePage() {
  const { t, lang } = useI18n();
  const { country, setCountry } = usePortal();
  const [name, setName] = useState('');
  const [age, setAge] = useState<string | number>('');
  const [relation, setRelation] = useState('');
  const [place, setPlace] = useState('');
  const [lastContact, setLastContact] = useState('');
  const [circumstances, setCircumstances] = useState('');
  const [contact, setContact] = useState('');
  const [website, setWebsite] = useState('');
  const [receipt, setReceipt] = useState<PublicReceipt | null>(null);
  const submission = useSubmission(
    () =>
      portalApi.reportRelative({
        country,
        relativeName: name.trim(),
        ...(typeof age === 'number' ? { relativeAge: age } : {}),
        ...(relation.trim() ? { relation: relation.trim() } : {}),
        lastKnownPlace: place.trim(),
        ...(lastContact ? { lastContactOn: lastContact } : {}),
        circumstances,
        contact: contact.trim(),
        lang: lang as never,
        website,
      }),
    setReceipt,
  );
  const invalid = (f: string) => (submission.fields.includes(f) ? t('common.invalid') : undefined);

  return (
    <Stack gap="md">
      <Title order={1}>{t('relative.title')}</Title>
      {receipt ? (
        <Receipt receipt={receipt} />
      ) : (
        <>
          <Text>{t('relative.intro')}</Text>
          <PortalForm
            submission={submission}
            submitLabel={t('common.submit')}
            honeypot={{ value: website, onChange: setWebsite }}
            disabled={
              !country ||
              name.trim().length < 2 ||
              place.trim().length < 2 ||
              circumstances.trim().length < 10 ||
              contact.trim().length < 3 ||
              relation.trim().length === 1
            }
          >
            <CountrySelect value={country} onChange={setCountry} required error={invalid('country')} />
            <TextInput
              label={t('relative.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={200}
              error={invalid('relativeName')}
            />
            <NumberInput
              label={t('relative.age')}
              description={t('common.optional')}
              value={age}
              onChange={setAge}
              min={10}
              max={100}
              allowDecimal={false}
              w={160}
            />
            <TextInput
              label={t('relative.relation')}
              description={t('relative.relationHint')}
              value={relation}
              onChange={(e) => setRelation(e.currentTarget.value)}
              maxLength={100}
              error={invalid('relation')}
            />
            <TextInput
              label={t('relative.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              required
              maxLength={300}
              error={invalid('lastKnownPlace')}
            />
            <TextInput
              type="date"
              label={t('relative.lastContact')}
              description={t('common.optional')}
              value={lastContact}
              onChange={(e) => setLastContact(e.currentTarget.value)}
              w={220}
            />
            <Textarea
              label={t('relative.circumstances')}
              description={t('relative.circumstancesHint')}
              value={circumstances}
              onChange={(e) => setCircumstances(e.currentTarget.value)}
              required
              autosize
              minRows={5}
              maxLength={5000}
              error={invalid('circumstances')}
            />
            <TextInput
              label={t('relative.contact')}
              description={t('report.contactHint')}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              required
              maxLength={300}
              error={invalid('contact')}
            />
          </PortalForm>
        </>
      )}
    </Stack>
  );
}
