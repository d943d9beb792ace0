import { type Campaign, type CampaignChanges, PORTAL_LANGUAGES } from '@cordon/contracts';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCreateCampaign, useUpdateCampaign } from './api/awarenessApi.ts';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

type Messages = Record<string, { title: string; body: string }>;

/**
 * A campaign's fields: English message plus one more portal language (the others a campaign has
 * are kept when editing), target countries, period. Editing: the code never changes, and a
 * started campaign keeps its start date.
 */
export function CampaignForm({ campaign, onDone }: { campaign?: Campaign; onDone?: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const mutation = campaign ? update : create;
  const messages: Messages = campaign?.messages ?? {};
  const firstOther = PORTAL_LANGUAGES.find((l) => l !== 'en' && messages[l]) ?? 'id';
  const [v, setV] = useState({
    code: campaign?.code ?? '',
    name: campaign?.name ?? '',
    countries: campaign?.targetCountries.join(', ') ?? '',
    ageGroups: campaign?.ageGroups.join(', ') ?? '',
    channels: campaign?.channels.join(', ') ?? '',
    startsOn: campaign?.startsOn ?? '',
    endsOn: campaign?.endsOn ?? '',
    lang: firstOther as string,
    enTitle: messages.en?.title ?? '',
    enBody: messages.en?.body ?? '',
    title: messages[firstOther]?.title ?? '',
    body: messages[firstOther]?.body ?? '',
  });
  // Read the value now: React clears the event's currentTarget before a state updater runs.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((o) => ({ ...o, [k]: value }));
  };
  const pickLang = (e: { currentTarget: { value: string } }) => {
    const lang = e.currentTarget.value;
    setV((o) => ({ ...o, lang, title: messages[lang]?.title ?? '', body: messages[lang]?.body ?? '' }));
  };
  const errors = fieldErrors(mutation.error);
  const started = campaign?.status === 'active';

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: Messages = { ...messages };
    delete next.en;
    delete next[v.lang];
    if (v.enTitle || v.enBody) next.en = { title: v.enTitle, body: v.enBody };
    if (v.title || v.body) next[v.lang] = { title: v.title, body: v.body };
    const fields = {
      name: v.name,
      messages: next,
      targetCountries: list(v.countries.toUpperCase()),
      ageGroups: list(v.ageGroups),
      channels: list(v.channels),
      endsOn: v.endsOn,
    };
    if (campaign) {
      const changes: CampaignChanges = { ...fields, ...(started ? {} : { startsOn: v.startsOn }) };
      update.mutate({ id: campaign.id, changes }, { onSuccess: () => onDone?.() });
    } else {
      create.mutate({ ...fields, code: v.code, startsOn: v.startsOn }, { onSuccess: () => onDone?.() });
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('awareness.code')}
            value={v.code}
            onChange={set('code')}
            required
            error={errors.code}
            readOnly={!!campaign}
            variant={campaign ? 'filled' : 'default'}
            description={campaign ? t('awareness.codeFixed') : undefined}
          />
          <TextInput label={t('awareness.name')} value={v.name} onChange={set('name')} required error={errors.name} />
          <TextInput
            label={t('awareness.countries')}
            value={v.countries}
            onChange={set('countries')}
            required
            error={errors.targetCountries}
          />
          <TextInput
            label={t('awareness.ageGroups')}
            value={v.ageGroups}
            onChange={set('ageGroups')}
            error={errors.ageGroups}
          />
          <TextInput
            label={t('awareness.channels')}
            value={v.channels}
            onChange={set('channels')}
            error={errors.channels}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('awareness.startsOn')}
              value={v.startsOn}
              onChange={set('startsOn')}
              required
              readOnly={started}
              variant={started ? 'filled' : 'default'}
              description={started ? t('awareness.startFixed') : undefined}
              error={errors.startsOn}
            />
            <TextInput
              type="date"
              label={t('awareness.endsOn')}
              value={v.endsOn}
              onChange={set('endsOn')}
              required
              error={errors.endsOn}
            />
          </Group>
        </SimpleGrid>
        <TextInput label={t('awareness.titleIn', { lang: 'en' })} value={v.enTitle} onChange={set('enTitle')} />
        <Textarea label={t('awareness.bodyIn', { lang: 'en' })} value={v.enBody} onChange={set('enBody')} autosize />
        <NativeSelect
          label={t('awareness.messageLang')}
          value={v.lang}
          onChange={pickLang}
          data={PORTAL_LANGUAGES.filter((l) => l !== 'en')}
          w={200}
        />
        <TextInput label={t('awareness.titleIn', { lang: v.lang })} value={v.title} onChange={set('title')} />
        <Textarea label={t('awareness.bodyIn', { lang: v.lang })} value={v.body} onChange={set('body')} autosize />
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        {!campaign && create.isSuccess ? <div role="status">{t('awareness.created')}</div> : null}
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {campaign ? t('awareness.save') : t('awareness.create')}
        </Button>
      </Stack>
    </form>
  );
}

export function NewCampaignForm() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('awareness.newCampaign')}
      </Title>
      <CampaignForm />
    </Card>
  );
}
