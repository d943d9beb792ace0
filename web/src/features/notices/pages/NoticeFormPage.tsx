import {
  NOTICE_TYPES,
  type NoticeDraft,
  type NoticeType,
  type NoticeWithHistory,
  PUBLIC_EXTRACT_TYPES,
} from '@cordon/contracts';
import { Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { noticeQuery, useCreateNotice, useUpdateNotice } from '../api/noticesApi.ts';
import { detailErrors, detailKey, type FieldSpec, NOTICE_FIELDS, toDetails, toForm } from '../fields.ts';

/** Drafting a new notice, or revising a draft / returned one. */
export function NoticeFormPage({ noticeId }: { noticeId?: string }) {
  const existing = useQuery({ ...noticeQuery(noticeId ?? ''), enabled: Boolean(noticeId) });
  if (noticeId && !existing.data) return <ProblemAlert error={existing.error} />;
  return <NoticeForm key={noticeId ?? 'new'} initial={existing.data ?? null} />;
}

function NoticeForm({ initial }: { initial: NoticeWithHistory | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateNotice();
  const update = useUpdateNotice(initial?.id ?? '');
  const save = initial ? update : create;
  const [type, setType] = useState<NoticeType>(initial?.type ?? 'purple');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [extract, setExtract] = useState(initial?.publicExtract ?? '');
  const [entities, setEntities] = useState((initial?.entityIds ?? []).join('\n'));
  const [form, setForm] = useState<Record<string, string>>(toForm(initial?.details ?? {}));
  const errors = detailErrors(save.error);
  const set = (name: string) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [name]: e.currentTarget.value });
  const fieldLabel = (name: string) => t(`notices.details.${detailKey(name)}`);
  const input = (f: FieldSpec) => {
    const common = {
      label: fieldLabel(f.name),
      error: errors[f.name],
      value: form[f.name] ?? '',
      onChange: set(f.name),
    };
    switch (f.kind) {
      case 'textarea':
        return <Textarea key={f.name} {...common} autosize minRows={2} />;
      case 'lines':
        return <Textarea key={f.name} {...common} description={t('notices.form.onePerLine')} autosize minRows={2} />;
      case 'countries':
        return <TextInput key={f.name} {...common} description={t('notices.form.countriesHelp')} />;
      case 'date':
        return <TextInput key={f.name} {...common} type="date" />;
      case 'text':
        return <TextInput key={f.name} {...common} />;
      case 'threat':
        return (
          <Select
            key={f.name}
            label={fieldLabel(f.name)}
            error={errors[f.name]}
            data={(['person', 'event', 'object', 'process'] as const).map((k) => ({
              value: k,
              label: t(`notices.threatKinds.${k}`),
            }))}
            value={form[f.name] || null}
            onChange={(v) => setForm({ ...form, [f.name]: v ?? '' })}
          />
        );
      case 'consent':
        return (
          <Checkbox
            key={f.name}
            label={fieldLabel(f.name)}
            error={errors[f.name]}
            checked={form[f.name] === 'true'}
            onChange={(e) => setForm({ ...form, [f.name]: e.currentTarget.checked ? 'true' : 'false' })}
          />
        );
      case 'subject':
        return (
          <Card key={f.name} withBorder padding="sm">
            <Stack gap="xs">
              <Text fw={600} component="h3" size="sm">
                {fieldLabel('subject')}
              </Text>
              {errors.subject ? (
                <Text c="red.8" size="sm">
                  {errors.subject}
                </Text>
              ) : null}
              <TextInput
                label={fieldLabel('subject.name')}
                value={form['subject.name'] ?? ''}
                onChange={set('subject.name')}
                error={errors['subject.name']}
              />
              <TextInput
                label={fieldLabel('subject.nationalities')}
                description={t('notices.form.countriesHelp')}
                value={form['subject.nationalities'] ?? ''}
                onChange={set('subject.nationalities')}
                error={errors['subject.nationalities']}
              />
              <TextInput
                type="date"
                label={fieldLabel('subject.dateOfBirth')}
                value={form['subject.dateOfBirth'] ?? ''}
                onChange={set('subject.dateOfBirth')}
                error={errors['subject.dateOfBirth']}
              />
            </Stack>
          </Card>
        );
    }
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title={initial ? t('notices.form.editTitle') : t('notices.form.newTitle')}
        intro={t('notices.form.intro')}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body: NoticeDraft = {
            type,
            title,
            summary,
            details: toDetails(type, form),
            ...(PUBLIC_EXTRACT_TYPES.includes(type) && extract.trim() ? { publicExtract: extract.trim() } : {}),
            entityIds: [
              ...new Set(
                entities
                  .split(/[\s,]+/)
                  .map((x) => x.trim())
                  .filter(Boolean),
              ),
            ],
          };
          save.mutate(body, {
            onSuccess: (n) => void navigate({ to: '/notices/$noticeId', params: { noticeId: n.id } }),
          });
        }}
      >
        <Stack gap="sm" maw={760}>
          <ProblemAlert error={save.error} />
          <Select
            label={t('notices.fields.type')}
            data={NOTICE_TYPES.map((x) => ({ value: x, label: t(`notices.types.${x}`) }))}
            value={type}
            allowDeselect={false}
            disabled={Boolean(initial)}
            onChange={(v) => v && setType(v as NoticeType)}
          />
          <Text size="sm">{t(`notices.typeHelp.${type}`)}</Text>
          <TextInput
            label={t('notices.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('notices.fields.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Title order={2} size="h4">
            {t('notices.form.required', { type: t(`notices.types.${type}`) })}
          </Title>
          {NOTICE_FIELDS[type].map(input)}
          {PUBLIC_EXTRACT_TYPES.includes(type) ? (
            <Textarea
              label={t('notices.fields.publicExtract')}
              description={t(type === 'yellow' ? 'notices.form.extractYellow' : 'notices.form.extractPurple')}
              value={extract}
              onChange={(e) => setExtract(e.currentTarget.value)}
              error={errors.publicExtract}
              autosize
            />
          ) : null}
          <Textarea
            label={t('notices.fields.entityIds')}
            description={t('notices.form.entityIdsHelp')}
            value={entities}
            onChange={(e) => setEntities(e.currentTarget.value)}
            error={Object.entries(errors).find(([f]) => f.startsWith('entityIds'))?.[1]}
            autosize
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('notices.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
