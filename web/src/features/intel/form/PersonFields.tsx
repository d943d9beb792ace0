import { PERSON_ROLES } from '@cordon/contracts';
import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../shared/useCountryOptions.ts';
import { NameFields } from './NameFields.tsx';
import type { ReportForm } from './types.ts';

/** A person: the primary name, aliases (any script), partial birth date, nationalities and role. */
export function PersonFields({ form, index, countries }: { form: ReportForm; index: number; countries: Option[] }) {
  const { t } = useTranslation();
  const path = `persons.${index}` as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      <NameFields form={form} path={path} />
      <TextInput
        label={t('intel.form.dateOfBirth')}
        description={t('intel.form.partialDateHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        placeholder="1990-04-12"
        autoComplete="off"
        {...form.getInputProps(`${path}.dateOfBirth`)}
      />
      <MultiSelect
        label={t('intel.form.nationalities')}
        data={countries}
        searchable
        maxValues={5}
        {...form.getInputProps(`${path}.nationalities`)}
      />
      <Select
        label={t('intel.form.role')}
        data={PERSON_ROLES.map((r) => ({ value: r, label: t(`intel.personRoles.${r}`) }))}
        allowDeselect={false}
        required
        {...form.getInputProps(`${path}.role`)}
      />
    </SimpleGrid>
  );
}
