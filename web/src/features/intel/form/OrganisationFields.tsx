import { ORGANISATION_KINDS } from '@cordon/contracts';
import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../shared/useCountryOptions.ts';
import type { ReportForm } from './types.ts';

export function OrganisationFields({
  form,
  index,
  countries,
}: {
  form: ReportForm;
  index: number;
  countries: Option[];
}) {
  const { t } = useTranslation();
  const path = `organisations.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
      <TextInput label={t('intel.form.name')} required autoComplete="off" {...form.getInputProps(`${path}.name`)} />
      <TagsInput
        label={t('intel.form.aliases')}
        description={t('intel.form.aliasesHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        {...form.getInputProps(`${path}.aliases`)}
      />
      <Select
        label={t('intel.form.orgKind')}
        data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`intel.orgKinds.${k}`) }))}
        allowDeselect={false}
        required
        {...form.getInputProps(`${path}.kind`)}
      />
      <Select
        label={t('intel.form.country')}
        data={countries}
        searchable
        clearable
        {...form.getInputProps(`${path}.country`)}
      />
    </SimpleGrid>
  );
}
