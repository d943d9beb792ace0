import { ORGANISATION_KINDS } from '@cordon/contracts';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../shared/useCountryOptions.ts';
import { NameFields } from './NameFields.tsx';
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
  const path = `organisations.${index}` as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
      <NameFields form={form} path={path} />
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
