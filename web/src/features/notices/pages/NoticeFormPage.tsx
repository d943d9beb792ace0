import {
  NOTICE_TYPES,
  type NoticeDraft,
  type NoticeType,
  type NoticeWithHistory,
  PUBLIC_EXTRACT_TYPES,
  SELECTOR_KINDS,
} from '@cordon/contracts';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { EntitiesPicker } from '../../intel/shared/EntityPicker.tsx';
import { noticeQuery, useCreateNotice, useUpdateNotice } from '../api/noticesApi.ts';
import {
  detailErrors,
  detailKey,
  type FieldSpec,
  NOTICE_FIELDS,
  type SelectorRow,
  selectorRowOfKey,
  toDetails,
  toForm,
  toSelectorRefs,
} from '../fields.ts';

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
  const [entities, setEntities] = useState<string[]>(initial?.entityIds ?? []);
  const [form, setForm] = useState<Record<string, string>>(toForm(initial?.details ?? {}));
  const [selectors, setSelectors] = useState<SelectorRow[]>(
    (initial?.selectorKeys ?? []).map(selectorRowOfKey).filter((r): r is SelectorRow => r !== null),
  );
  const setRow = (i: number, change: Partial<SelectorRow>) =>
    setSelectors(selectors.map((r, j) => (j === i ? { ...r, ...change } : r)));
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
              <Textarea
                label={fieldLabel('subject.aliases')}
                description={t('notices.form.onePerLine')}
                value={form['subject.aliases'] ?? ''}
                onChange={set('subject.aliases')}
                error={Object.entries(errors).find(([k]) => k.startsWith('subject.aliases'))?.[1]}
                autosize
                minRows={1}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  type="date"
                  label={fieldLabel('subject.dateOfBirth')}
                  value={form['subject.dateOfBirth'] ?? ''}
                  onChange={set('subject.dateOfBirth')}
                  error={errors['subject.dateOfBirth']}
                />
                <Select
                  label={fieldLabel('subject.sex')}
                  data={(['F', 'M', 'X'] as const).map((x) => ({ value: x, label: t(`notices.form.sex${x}`) }))}
                  value={form['subject.sex'] || null}
                  clearable
                  onChange={(v) => setForm({ ...form, 'subject.sex': v ?? '' })}
                  error={errors['subject.sex']}
                />
              </SimpleGrid>
              <Textarea
                label={fieldLabel('subject.description')}
                description={t('notices.form.descriptionHelp')}
                value={form['subject.description'] ?? ''}
                onChange={set('subject.description')}
                error={errors['subject.description']}
                autosize
                minRows={2}
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
            entityIds: entities,
            selectors: toSelectorRefs(selectors),
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
          <EntitiesPicker
            label={t('notices.fields.entityIds')}
            description={t('notices.form.entityIdsHelp')}
            value={entities}
            onChange={setEntities}
            error={Object.entries(errors).find(([f]) => f.startsWith('entityIds'))?.[1]}
          />
          <Card withBorder padding="sm" component="fieldset" aria-describedby="notice-selectors-help">
            <Stack gap="xs">
              <Text fw={600} component="legend" size="sm">
                {t('notices.form.selectors')}
              </Text>
              <Text id="notice-selectors-help" size="xs" c="dimmed">
                {t('notices.form.selectorsHelp')}
              </Text>
              {selectors.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <Group key={i} align="flex-end" gap="xs" wrap="wrap" data-testid="notice-selector">
                  <Select
                    w={{ base: '100%', xs: 170 }}
                    label={t('notices.form.selectorKind', { n: i + 1 })}
                    data={SELECTOR_KINDS.map((k) => ({ value: k, label: t(`intel.selectorKinds.${k}`) }))}
                    value={r.kind}
                    allowDeselect={false}
                    onChange={(v) => v && setRow(i, { kind: v as SelectorRow['kind'] })}
                  />
                  <TextInput
                    style={{ flex: '1 1 12rem' }}
                    label={t('notices.form.selectorValue', { n: i + 1 })}
                    value={r.value}
                    onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                    error={errors[`selectors.${i}.value`]}
                  />
                  <TextInput
                    w={90}
                    label={t('notices.form.selectorCountry', { n: i + 1 })}
                    maxLength={2}
                    value={r.country}
                    onChange={(e) => setRow(i, { country: e.currentTarget.value })}
                    error={errors[`selectors.${i}.country`]}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    mb={errors[`selectors.${i}.value`] ? 22 : 0}
                    aria-label={t('notices.form.removeSelector', { n: i + 1 })}
                    onClick={() => setSelectors(selectors.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => setSelectors([...selectors, { kind: 'phone', value: '', country: '' }])}
                >
                  {t('notices.form.addSelector')}
                </Button>
              </Group>
            </Stack>
          </Card>
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
