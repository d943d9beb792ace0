import { Alert, Button, Card, Group, List, MultiSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api.ts';
import { RouterButton } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { RequireRole } from '../../../components/RequireRole.tsx';
import { useSubmitReport } from '../api/reportsApi.ts';
import { INTEL_WRITERS } from '../shared/intelRoles.ts';
import { useCountryOptions } from '../shared/useCountryOptions.ts';
import { useMoTags } from '../shared/useMoTags.ts';
import { CentreFields } from './CentreFields.tsx';
import {
  clientErrors,
  dropRef,
  emptyRow,
  emptyValues,
  REF_PREFIX,
  type ReportFormValues,
  type Section,
  serverErrorsToForm,
  toNewReport,
} from './formModel.ts';
import { newIdempotencyKey } from './idempotencyKey.ts';
import { MarkingFields } from './MarkingFields.tsx';
import { OrganisationFields } from './OrganisationFields.tsx';
import { PersonFields } from './PersonFields.tsx';
import { RelationshipFields } from './RelationshipFields.tsx';
import { RowsSection } from './RowsSection.tsx';
import { refOptions } from './refOptions.ts';
import { SelectorFields } from './SelectorFields.tsx';

/** Moves focus to the first field the user has to fix. */
function focusFirstError(root: HTMLElement | null) {
  setTimeout(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 50);
}

function NewReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const taxonomy = useMoTags();
  const submit = useSubmitReport();
  const formRef = useRef<HTMLFormElement>(null);
  // One key per opening of the form: a double submit gets the first answer back, not a second report.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [general, setGeneral] = useState<string[]>([]);
  const counters = useRef<Record<Section, number>>({
    selectors: 1,
    persons: 0,
    organisations: 0,
    scamCentres: 0,
    relationships: 0,
  });
  const form = useForm<ReportFormValues>({
    initialValues: { ...emptyValues(), selectors: [emptyRow.selectors('s1')] },
  });
  const v = form.values;

  const nextRef = (section: Section) => {
    counters.current[section] += 1;
    return `${REF_PREFIX[section]}${counters.current[section]}`;
  };
  const add = (section: Section) => form.insertListItem(section, emptyRow[section](nextRef(section)));
  const remove = (section: Section, index: number) => {
    const ref = form.values[section][index]?.ref;
    form.removeListItem(section, index);
    if (ref && section !== 'relationships')
      form.setFieldValue('relationships', dropRef(form.values.relationships, ref));
  };

  const moOptions = useMemo(() => {
    const byCategory = new Map<string, { value: string; label: string }[]>();
    for (const m of taxonomy.tags)
      byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), { value: m.code, label: m.label }]);
    return [...byCategory].map(([category, items]) => ({
      group: t(`intel.moCategories.${category as 'modus-operandi'}`),
      items,
    }));
  }, [taxonomy.tags, t]);

  const refs = refOptions(v, {
    persons: t('intel.form.persons'),
    organisations: t('intel.form.organisations'),
    scamCentres: t('intel.form.scamCentres'),
    selectors: t('intel.form.selectors'),
    untitled: t('intel.form.untitled'),
  });

  const onSubmit = (values: ReportFormValues) => {
    setGeneral([]);
    const local = clientErrors(values);
    if (Object.keys(local).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(local).map(([k, key]) => [k, t(`intel.form.errors.${key}`)])));
      focusFirstError(formRef.current);
      return;
    }
    const { body, rows } = toNewReport(values);
    submit.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (report) =>
          void navigate({ to: '/intel/reports/$reportId', params: { reportId: report.id }, search: { created: true } }),
        onError: (e) => {
          // A refused request was not applied: the next attempt is a new request with a new key.
          if (isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 409)
            setIdempotencyKey(newIdempotencyKey());
          const placed = serverErrorsToForm(isApiError(e) ? (e.problem?.errors ?? []) : [], rows, values.audience);
          form.setErrors(placed.fields);
          setGeneral(placed.general);
          focusFirstError(formRef.current);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.form.title')} intro={t('intel.form.intro')} />
      <form ref={formRef} onSubmit={form.onSubmit(onSubmit)} noValidate aria-label={t('intel.form.title')}>
        <Stack gap="lg">
          <Card withBorder padding="md" component="section" aria-labelledby="report-about">
            <Title order={2} size="h4" id="report-about" mb="sm">
              {t('intel.form.about')}
            </Title>
            <Stack gap="sm">
              <TextInput label={t('intel.form.reportTitle')} required {...form.getInputProps('title')} />
              <Textarea
                label={t('intel.form.summary')}
                description={t('intel.form.summaryHint')}
                autosize
                minRows={3}
                maxRows={12}
                {...form.getInputProps('summary')}
              />
              <MultiSelect
                label={t('intel.form.moTags')}
                description={t('intel.form.moTagsHint')}
                data={moOptions}
                searchable
                clearable
                {...form.getInputProps('moTags')}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md" component="section" aria-labelledby="report-marking">
            <Title order={2} size="h4" id="report-marking" mb="sm">
              {t('intel.form.handling')}
            </Title>
            <MarkingFields form={form} />
          </Card>
          <RowsSection
            id="selectors"
            title={t('intel.form.selectors')}
            hint={t('intel.form.selectorsHint')}
            rows={v.selectors}
            rowLabel={(i) => t('intel.form.selectorN', { n: i + 1 })}
            addLabel={t('intel.form.addSelector')}
            onAdd={() => add('selectors')}
            onRemove={(i) => remove('selectors', i)}
          >
            {(row, i) => <SelectorFields form={form} index={i} row={row} countries={countries} />}
          </RowsSection>
          <RowsSection
            id="persons"
            title={t('intel.form.persons')}
            rows={v.persons}
            rowLabel={(i) => t('intel.form.personN', { n: i + 1 })}
            addLabel={t('intel.form.addPerson')}
            onAdd={() => add('persons')}
            onRemove={(i) => remove('persons', i)}
          >
            {(_row, i) => <PersonFields form={form} index={i} countries={countries} />}
          </RowsSection>
          <RowsSection
            id="organisations"
            title={t('intel.form.organisations')}
            rows={v.organisations}
            rowLabel={(i) => t('intel.form.organisationN', { n: i + 1 })}
            addLabel={t('intel.form.addOrganisation')}
            onAdd={() => add('organisations')}
            onRemove={(i) => remove('organisations', i)}
          >
            {(_row, i) => <OrganisationFields form={form} index={i} countries={countries} />}
          </RowsSection>
          <RowsSection
            id="centres"
            title={t('intel.form.scamCentres')}
            rows={v.scamCentres}
            rowLabel={(i) => t('intel.form.centreN', { n: i + 1 })}
            addLabel={t('intel.form.addCentre')}
            onAdd={() => add('scamCentres')}
            onRemove={(i) => remove('scamCentres', i)}
          >
            {(_row, i) => <CentreFields form={form} index={i} countries={countries} />}
          </RowsSection>
          <RowsSection
            id="relationships"
            title={t('intel.form.relationships')}
            hint={t('intel.form.relationshipsHint')}
            rows={v.relationships}
            rowLabel={(i) => t('intel.form.relationshipN', { n: i + 1 })}
            addLabel={t('intel.form.addRelationship')}
            onAdd={() => add('relationships')}
            onRemove={(i) => remove('relationships', i)}
          >
            {(_row, i) => <RelationshipFields form={form} index={i} refs={refs} />}
          </RowsSection>
          <ProblemAlert error={submit.error} />
          {general.length > 0 ? (
            <Alert color="red" variant="light" title={t('intel.form.otherErrors')}>
              <List size="sm">
                {general.map((g) => (
                  <List.Item key={g}>{g}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <RouterButton to="/intel" variant="default">
              {t('common.cancel')}
            </RouterButton>
            <Button type="submit" loading={submit.isPending}>
              {t('intel.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function NewReportPage() {
  return (
    <RequireRole roles={INTEL_WRITERS}>
      <NewReportForm />
    </RequireRole>
  );
}
