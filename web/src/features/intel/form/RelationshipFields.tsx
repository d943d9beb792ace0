import { RELATIONSHIP_TYPES } from '@cordon/contracts';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RefGroup } from './refOptions.ts';
import type { ReportForm } from './types.ts';

/** "from —type→ to", both ends picked among the items defined above. */
export function RelationshipFields({ form, index, refs }: { form: ReportForm; index: number; refs: RefGroup[] }) {
  const { t } = useTranslation();
  const path = `relationships.${index}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select
        label={t('intel.form.from')}
        data={refs}
        searchable
        required
        nothingFoundMessage={t('intel.form.defineFirst')}
        {...form.getInputProps(`${path}.from`)}
      />
      <Select
        label={t('intel.form.relType')}
        data={RELATIONSHIP_TYPES.map((r) => ({ value: r, label: t(`intel.relTypes.${r}`) }))}
        required
        {...form.getInputProps(`${path}.type`)}
      />
      <Select
        label={t('intel.form.to')}
        data={refs}
        searchable
        required
        nothingFoundMessage={t('intel.form.defineFirst')}
        {...form.getInputProps(`${path}.to`)}
      />
    </SimpleGrid>
  );
}
