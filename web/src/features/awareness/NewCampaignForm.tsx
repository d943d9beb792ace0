import { PORTAL_LANGUAGES } from '@cordon/contracts';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCreateCampaign } from './api/awarenessApi.ts';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** A campaign: English message plus one more portal language, target countries, period. */
export function NewCampaignForm() {
  const { t } = useTranslation();
  const create = useCreateCampaign();
  const [v, setV] = useState({
    code: '',
    name: '',
    countries: '',
    ageGroups: '',
    channels: '',
    startsOn: '',
    endsOn: '',
    lang: 'id',
    enTitle: '',
    enBody: '',
    title: '',
    body: '',
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV((o) => ({ ...o, [k]: e.currentTarget.value }));
  const errors = fieldErrors(create.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    const messages: Record<string, { title: string; body: string }> = {};
    if (v.enTitle || v.enBody) messages.en = { title: v.enTitle, body: v.enBody };
    if (v.title || v.body) messages[v.lang] = { title: v.title, body: v.body };
    create.mutate({
      code: v.code,
      name: v.name,
      messages,
      targetCountries: list(v.countries.toUpperCase()),
      ageGroups: list(v.ageGroups),
      channels: list(v.channels),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    });
  }

  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {t('awareness.newCampaign')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('awareness.code')} value={v.code} onChange={set('code')} required error={errors.code} />
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
            <Group grow>
              <TextInput
                type="date"
                label={t('awareness.startsOn')}
                value={v.startsOn}
                onChange={set('startsOn')}
                required
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
            onChange={set('lang')}
            data={PORTAL_LANGUAGES.filter((l) => l !== 'en')}
            w={200}
          />
          <TextInput label={t('awareness.titleIn', { lang: v.lang })} value={v.title} onChange={set('title')} />
          <Textarea label={t('awareness.bodyIn', { lang: v.lang })} value={v.body} onChange={set('body')} autosize />
          {create.error ? <ProblemAlert error={create.error} /> : null}
          {create.isSuccess ? <div role="status">{t('awareness.created')}</div> : null}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('awareness.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
