import type { Entity } from '@cordon/contracts';
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';

/** The same selector (same canonical key) in other reports the viewer may read. */
export function SameKeyTable({ entities }: { entities: Entity[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="same-title">
      <Title order={2} size="h4" id="same-title" mb="sm">
        {t('intel.entity.sameKey')}
      </Title>
      {entities.length === 0 ? (
        <Text size="sm">{t('intel.entity.sameKeyNone')}</Text>
      ) : (
        <ScrollTable label={t('intel.entity.sameKey')} minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('intel.form.value')}</Table.Th>
                <Table.Th scope="col">{t('intel.reports.holder')}</Table.Th>
                <Table.Th scope="col">{t('common.created')}</Table.Th>
                <Table.Th scope="col">{t('intel.search.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entities.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <RouterAnchor
                      to="/intel/entities/$entityId"
                      params={{ entityId: e.id }}
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {e.label}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{agencies.name(e.ownerAgencyId)}</Table.Td>
                  <Table.Td>{fmt.dateTime(e.createdAt)}</Table.Td>
                  <Table.Td>
                    <RouterAnchor to="/intel/reports/$reportId" params={{ reportId: e.reportId }}>
                      {t('intel.search.openReport')}
                    </RouterAnchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
