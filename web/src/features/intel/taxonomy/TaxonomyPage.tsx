import { MO_CATEGORIES, type MoTag } from '@cordon/contracts';
import {
  Alert,
  Button,
  Card,
  Code,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../app/session.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SuccessNotice, useSuccessNotice } from '../../../components/SuccessNotice.tsx';
import { useAddMoTag } from '../api/reportsApi.ts';
import { Loading } from '../shared/Loading.tsx';
import { useMoTags } from '../shared/useMoTags.ts';
import { checkTag, emptyTag, type MoCategory, serverTagErrors, type TagField, toMoTag } from './taxonomyForm.ts';

/** Who may extend the taxonomy (as the server decides). */
export const TAXONOMY_EDITORS = ['hub-admin', 'hub-reviewer'] as const;

function AddTagForm({ onAdded }: { onAdded: (label: string) => void }) {
  const { t } = useTranslation();
  const add = useAddMoTag();
  const [v, setV] = useState(emptyTag);
  const [checked, setChecked] = useState(false);
  const local = checked ? checkTag(v) : {};
  const server = serverTagErrors(add.error);
  const set = (field: TagField, value: string) => {
    setV((old) => ({ ...old, [field]: value }));
    if (add.error) add.reset();
  };
  const errorOf = (field: TagField): string | undefined => {
    const l = local[field];
    if (l === 'required') return t('common.required');
    if (l === 'code') return t('intel.taxonomy.codeHint');
    if (l === 'short') return t('intel.taxonomy.tooShort');
    return server[field];
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(checkTag(v)).length > 0) return;
    const tag = toMoTag(v);
    add.mutate(tag, {
      onSuccess: () => {
        setV(emptyTag());
        setChecked(false);
        onAdded(tag.label);
      },
    });
  };
  const serverHasFieldErrors = Object.keys(server).length > 0;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-tag">
      <Title order={2} size="h4" id="add-tag" mb="sm">
        {t('intel.taxonomy.add')}
      </Title>
      <form onSubmit={submit} noValidate aria-labelledby="add-tag">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <TextInput
              label={t('intel.taxonomy.code')}
              description={t('intel.taxonomy.codeHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              autoComplete="off"
              value={v.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errorOf('code')}
            />
            <TextInput
              label={t('intel.taxonomy.label')}
              required
              autoComplete="off"
              value={v.label}
              onChange={(e) => set('label', e.currentTarget.value)}
              error={errorOf('label')}
            />
            <Select
              label={t('intel.taxonomy.category')}
              data={MO_CATEGORIES.map((c) => ({ value: c, label: t(`intel.moCategories.${c}`) }))}
              allowDeselect={false}
              required
              value={v.category}
              onChange={(c) => set('category', (c ?? MO_CATEGORIES[0]) as MoCategory)}
              error={errorOf('category')}
            />
            <TextInput
              label={t('intel.taxonomy.labelFr')}
              description={t('intel.taxonomy.optional')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              lang="fr"
              autoComplete="off"
              value={v.fr}
              onChange={(e) => set('fr', e.currentTarget.value)}
              error={errorOf('fr')}
            />
            <TextInput
              label={t('intel.taxonomy.labelEs')}
              description={t('intel.taxonomy.optional')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              lang="es"
              autoComplete="off"
              value={v.es}
              onChange={(e) => set('es', e.currentTarget.value)}
              error={errorOf('es')}
            />
          </SimpleGrid>
          <Textarea
            label={t('intel.taxonomy.description')}
            autosize
            minRows={2}
            maxLength={1000}
            value={v.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorOf('description')}
          />
          {/* Field errors are shown on their fields; anything else here. */}
          {add.error && !serverHasFieldErrors ? <ProblemAlert error={add.error} /> : null}
          <div>
            <Button type="submit" loading={add.isPending}>
              {t('intel.taxonomy.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function CategoryTable({ category, tags }: { category: MoCategory; tags: Array<MoTag & { english: string }> }) {
  const { t } = useTranslation();
  const name = t(`intel.moCategories.${category}`);
  const id = `category-${category}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {name}{' '}
        <Text span size="sm" c="dimmed" fw={400}>
          ({t('intel.taxonomy.count', { count: tags.length })})
        </Text>
      </Title>
      <ScrollTable label={t('intel.taxonomy.tableLabel', { category: name })} minWidth={640}>
        <Table verticalSpacing={6} striped data-testid={`taxonomy-${category}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="30%">
                {t('intel.taxonomy.labelColumn')}
              </Table.Th>
              <Table.Th scope="col">{t('intel.taxonomy.code')}</Table.Th>
              <Table.Th scope="col">{t('intel.taxonomy.translations')}</Table.Th>
              <Table.Th scope="col">{t('intel.taxonomy.description')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tags.map((m) => (
              <Table.Tr key={m.code}>
                <Table.Td fw={600}>{m.label}</Table.Td>
                <Table.Td>
                  <Code>{m.code}</Code>
                </Table.Td>
                <Table.Td>
                  {Object.keys(m.labels ?? {}).length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('intel.taxonomy.none')}
                    </Text>
                  ) : (
                    <Stack gap={0}>
                      <Text size="xs" lang="en">
                        EN: {m.english}
                      </Text>
                      {(['fr', 'es'] as const).map((l) =>
                        m.labels?.[l] ? (
                          <Text key={l} size="xs" lang={l}>
                            {l.toUpperCase()}: {m.labels[l]}
                          </Text>
                        ) : null,
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.description}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** The modus-operandi taxonomy by category; the hub's administrators and reviewers extend it. */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const taxonomy = useMoTags();
  const notice = useSuccessNotice();
  const canEdit = hasAnyRole(me, ...TAXONOMY_EDITORS);
  const english = new Map((taxonomy.query.data ?? []).map((m) => [m.code, m.label]));
  const tags = taxonomy.tags.map((m) => ({ ...m, english: english.get(m.code) ?? m.label }));
  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.taxonomy.title')} intro={t('intel.taxonomy.intro')} />
      <SuccessNotice message={notice.message} onClose={notice.clear} />
      {canEdit ? (
        <AddTagForm onAdded={(label) => notice.show(t('intel.taxonomy.added', { label }))} />
      ) : (
        <Alert variant="light" color="gray">
          {t('intel.taxonomy.readOnly')}
        </Alert>
      )}
      <ProblemAlert error={taxonomy.query.error} />
      {taxonomy.query.isPending ? <Loading /> : null}
      {MO_CATEGORIES.map((c) => {
        const list = tags.filter((m) => m.category === c);
        return list.length > 0 ? <CategoryTable key={c} category={c} tags={list} /> : null;
      })}
    </Stack>
  );
}
