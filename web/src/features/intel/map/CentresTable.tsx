import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import type { MapCentre } from '../api/types.ts';
import { MoTagBadges } from '../shared/MoTagBadges.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';

/** The centres on the map, as a table: the same data for keyboard and screen-reader users. */
export function CentresTable({ centres }: { centres: MapCentre[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ScrollTable label={t('intel.map.tableLabel')} minWidth={720}>
      {/* Long lists scroll inside their own box, so the map stays in reach. */}
      <ScrollArea.Autosize mah={480} type="auto">
        <Table verticalSpacing={6} striped stickyHeader data-testid="map-centres">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('intel.form.name')}</Table.Th>
              <Table.Th scope="col">{t('intel.form.status')}</Table.Th>
              <Table.Th scope="col">{t('intel.form.country')}</Table.Th>
              <Table.Th scope="col">{t('intel.form.moTags')}</Table.Th>
              <Table.Th scope="col">{t('intel.map.reported')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {centres.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <RouterAnchor to="/intel/entities/$entityId" params={{ entityId: c.id }} fw={600}>
                    {c.label}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>{fmt.country(c.country)}</Table.Td>
                <Table.Td>
                  <MoTagBadges codes={c.moTags} />
                </Table.Td>
                <Table.Td>{fmt.dateTime(c.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </ScrollTable>
  );
}
