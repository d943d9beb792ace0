import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useAgencyNames } from '../../intel/shared/useAgencyNames.ts';
import { diffusionsQuery, useSendDiffusion } from '../api/noticesApi.ts';
import { useNoticePermissions } from '../roles.ts';

/** Diffusions: lighter alerts sent straight to chosen agencies, without review. */
export function DiffusionsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const perms = useNoticePermissions();
  const list = useQuery(diffusionsQuery);
  const { name } = useAgencyNames();
  return (
    <Stack gap="lg">
      <PageHeader title={t('notices.diffusions.title')} intro={t('notices.diffusions.intro')} />
      {perms.write ? <SendForm /> : null}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 ? <Text c="dimmed">{t('notices.diffusions.empty')}</Text> : null}
      <Stack gap="sm" data-testid="diffusions">
        {list.data?.map((d) => (
          <Card key={d.id} withBorder>
            <Text fw={700}>{d.title}</Text>
            <Text size="xs">
              {t('notices.diffusions.from', { agency: d.ownerAgencyName, at: fmt.dateTime(d.createdAt) })} ·{' '}
              {t('notices.diffusions.to', { agencies: d.recipientAgencyIds.map(name).join(', ') })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.body}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function SendForm() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { agencies } = useAgencyNames();
  const { me } = useNoticePermissions();
  const send = useSendDiffusion();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [to, setTo] = useState<string[]>([]);
  const errors = fieldErrors(send.error);
  return (
    <Card withBorder component="section" aria-labelledby="diffusion-send">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(
            { title, body, recipientAgencyIds: to },
            {
              onSuccess: () => {
                setTitle('');
                setBody('');
                setTo([]);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title id="diffusion-send" order={2} size="h4">
            {t('notices.diffusions.send')}
          </Title>
          <ProblemAlert error={send.error} />
          <TextInput
            label={t('notices.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('notices.diffusions.body')}
            required
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={3}
          />
          <MultiSelect
            label={t('notices.diffusions.recipients')}
            searchable
            data={agencies
              .filter((a) => a.id !== me.agency.id)
              .map((a) => ({ value: a.id, label: `${a.name} (${fmt.country(a.country)})` }))}
            value={to}
            onChange={setTo}
            error={errors.recipientAgencyIds}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending}>
              {t('notices.diffusions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
