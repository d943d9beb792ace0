import { CREDIBILITY, PAP_LEVELS, REGIONS, RELIABILITY, TLP_LEVELS } from '@cordon/contracts';
import { Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { AdmiraltyGrade, PapBadge, TlpBadge } from '../../../components/MarkingBadge.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';
import type { AudienceKind } from './formModel.ts';
import type { ReportForm } from './types.ts';

/** TLP with its colours and meaning, audience, PAP and the Admiralty grade of the report. */
export function MarkingFields({ form }: { form: ReportForm }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { agencies } = useAgencyNames();
  const v = form.values;
  const agencyOptions = useMemo(
    () =>
      agencies
        .map((a) => ({ value: a.id, label: `${a.name} · ${fmt.country(a.country)}` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [agencies, fmt],
  );

  return (
    <Stack gap="md">
      <Radio.Group label={t('markings.tlp')} {...form.getInputProps('tlp')} required>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt={6}>
          {TLP_LEVELS.map((level) => (
            <Radio
              key={level}
              value={level}
              label={<TlpBadge level={level} />}
              description={t(`markings.tlpDesc.${level}`)}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>

      <Radio.Group
        label={t('intel.audience.label')}
        description={t('intel.audience.hint')}
        value={v.audience}
        onChange={(value) => form.setFieldValue('audience', value as AudienceKind)}
        error={form.errors.audience}
      >
        <Group gap="lg" mt={6}>
          <Radio value="all" label={t('intel.audience.all')} />
          <Radio value="regions" label={t('intel.audience.regions')} />
          <Radio value="agencies" label={t('intel.audience.agencies')} />
        </Group>
      </Radio.Group>
      {v.audience === 'regions' ? (
        <MultiSelect
          label={t('intel.audience.regionsLabel')}
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          required
          {...form.getInputProps('regions')}
        />
      ) : null}
      {v.audience === 'agencies' ? (
        <MultiSelect
          label={t('intel.audience.agenciesLabel')}
          description={t('intel.audience.agenciesHint')}
          data={agencyOptions}
          searchable
          required
          nothingFoundMessage={t('intel.form.nothingFound')}
          maxDropdownHeight={280}
          {...form.getInputProps('agencyIds')}
        />
      ) : null}

      <Radio.Group label={t('markings.pap')} {...form.getInputProps('pap')} required>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" mt={6}>
          {PAP_LEVELS.map((level) => (
            <Radio
              key={level}
              value={level}
              label={<PapBadge level={level} />}
              description={t(`markings.papDesc.${level}`)}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('intel.form.reliability')}
          data={RELIABILITY.map((r) => ({ value: r, label: `${r} — ${t(`markings.reliability.${r}`)}` }))}
          allowDeselect={false}
          required
          {...form.getInputProps('reliability')}
        />
        <Select
          label={t('intel.form.credibility')}
          data={CREDIBILITY.map((c) => ({ value: c, label: `${c} — ${t(`markings.credibility.${c}`)}` }))}
          allowDeselect={false}
          required
          {...form.getInputProps('credibility')}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Text size="sm">{t('intel.form.gradePreview')}</Text>
        <AdmiraltyGrade reliability={v.reliability} credibility={v.credibility} />
      </Group>
    </Stack>
  );
}
