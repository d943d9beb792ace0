import { CENTRE_STATUSES } from '@cordon/contracts';
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../shared/useCountryOptions.ts';
import type { ReportForm } from './types.ts';

/** A scam centre: name, country, map position, status and estimated workforce. */
export function CentreFields({ form, index, countries }: { form: ReportForm; index: number; countries: Option[] }) {
  const { t } = useTranslation();
  const path = `scamCentres.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      <TextInput label={t('intel.form.name')} required autoComplete="off" {...form.getInputProps(`${path}.name`)} />
      <Select
        label={t('intel.form.country')}
        data={countries}
        searchable
        required
        {...form.getInputProps(`${path}.country`)}
      />
      <Select
        label={t('intel.form.status')}
        data={CENTRE_STATUSES.map((s) => ({ value: s, label: t(`intel.centreStatus.${s}`) }))}
        allowDeselect={false}
        required
        {...form.getInputProps(`${path}.status`)}
      />
      <NumberInput
        label={t('intel.form.lat')}
        description={t('intel.form.latHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        min={-90}
        max={90}
        decimalScale={6}
        {...form.getInputProps(`${path}.lat`)}
      />
      <NumberInput
        label={t('intel.form.lon')}
        description={t('intel.form.lonHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        min={-180}
        max={180}
        decimalScale={6}
        {...form.getInputProps(`${path}.lon`)}
      />
      <NumberInput
        label={t('intel.form.workforce')}
        description={t('intel.form.workforceHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        min={0}
        max={100_000}
        allowDecimal={false}
        thousandSeparator=" "
        {...form.getInputProps(`${path}.workforce`)}
      />
    </SimpleGrid>
  );
}
