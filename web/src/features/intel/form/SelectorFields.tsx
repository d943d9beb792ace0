import { CRYPTO_CHAINS, HANDLE_PLATFORMS, SELECTOR_KINDS } from '@cordon/contracts';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../shared/useCountryOptions.ts';
import { COUNTRY_KINDS, type SelectorRow } from './formModel.ts';
import type { ReportForm } from './types.ts';

const PLACEHOLDER: Partial<Record<SelectorRow['kind'], string>> = {
  phone: '+66 81 234 5678',
  email: 'name@example.com',
  domain: 'example.com',
  url: 'https://example.com/jobs',
  crypto: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  iban: 'GB33 BUKB 2020 1555 5555 55',
  handle: '@recruiter',
  ip: '203.0.113.7',
};

/** One identifier: kind, value, and the country, platform or chain it needs to be read right. */
export function SelectorFields({
  form,
  index,
  row,
  countries,
}: {
  form: ReportForm;
  index: number;
  row: SelectorRow;
  countries: Option[];
}) {
  const { t } = useTranslation();
  const path = `selectors.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
      <Select
        label={t('intel.form.selectorKind')}
        data={SELECTOR_KINDS.map((k) => ({ value: k, label: t(`intel.selectorKinds.${k}`) }))}
        allowDeselect={false}
        required
        {...form.getInputProps(`${path}.kind`)}
      />
      <TextInput
        label={t('intel.form.value')}
        placeholder={PLACEHOLDER[row.kind]}
        required
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps(`${path}.value`)}
      />
      {COUNTRY_KINDS.has(row.kind) ? (
        <Select
          label={t('intel.form.country')}
          description={row.kind === 'phone' ? t('intel.form.phoneCountryHint') : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={countries}
          searchable
          clearable
          {...form.getInputProps(`${path}.country`)}
        />
      ) : null}
      {row.kind === 'handle' ? (
        <Select
          label={t('intel.form.platform')}
          data={HANDLE_PLATFORMS.map((p) => ({ value: p, label: t(`intel.platforms.${p}`) }))}
          clearable
          {...form.getInputProps(`${path}.platform`)}
        />
      ) : null}
      {row.kind === 'crypto' ? (
        <Select
          label={t('intel.form.chain')}
          description={t('intel.form.chainHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={CRYPTO_CHAINS.map((c) => ({ value: c, label: t(`intel.chains.${c}`) }))}
          clearable
          {...form.getInputProps(`${path}.chain`)}
        />
      ) : null}
    </SimpleGrid>
  );
}
