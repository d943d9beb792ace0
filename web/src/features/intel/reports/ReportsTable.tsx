import type { ReportSummary } from '@cordon/contracts';
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { MarkingBadge } from '../../../components/MarkingBadge.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { MoTagBadges } from '../shared/MoTagBadges.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';

/** "2 selectors · 1 person": what a report holds, zero counts left out. */
function useContents() {
  const { t } = useTranslation();
  return (r: ReportSummary) =>
    [
      r.counts.selectors ? t('intel.reports.nSelectors', { count: r.counts.selectors }) : '',
      r.counts.persons ? t('intel.reports.nPersons', { count: r.counts.persons }) : '',
      r.counts.organisations ? t('intel.reports.nOrganisations', { count: r.counts.organisations }) : '',
      r.counts.scamCentres ? t('intel.reports.nCentres', { count: r.counts.scamCentres }) : '',
    ]
      .filter(Boolean)
      .join(' · ') || '—';
}

/** On a phone: one card per report instead of a wide table. */
function ReportCards({ reports }: { reports: ReportSummary[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const contents = useContents();
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('intel.reports.tableLabel')}>
      {reports.map((r) => (
        <Card key={r.id} withBorder padding="sm" component="li">
          <Stack gap={6}>
            <RouterAnchor to="/intel/reports/$reportId" params={{ reportId: r.id }} fw={600}>
              {r.title}
            </RouterAnchor>
            <Group gap={6}>
              <MarkingBadge marking={r.marking} />
            </Group>
            <MoTagBadges codes={r.moTags} />
            <Text size="sm">{agencies.name(r.ownerAgencyId)}</Text>
            <Text size="xs" c="dimmed">
              {contents(r)} · {fmt.dateTime(r.createdAt)}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function ReportsTable({ reports }: { reports: ReportSummary[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const contents = useContents();
  const phone = useMediaQuery('(max-width: 36em)');
  if (phone) return <ReportCards reports={reports} />;
  return (
    <ScrollTable label={t('intel.reports.tableLabel')} minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('intel.reports.title')}</Table.Th>
            <Table.Th scope="col">{t('intel.reports.holder')}</Table.Th>
            <Table.Th scope="col">{t('intel.reports.marking')}</Table.Th>
            <Table.Th scope="col">{t('intel.reports.contents')}</Table.Th>
            <Table.Th scope="col">{t('common.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td maw={320}>
                <Stack gap={4}>
                  <RouterAnchor to="/intel/reports/$reportId" params={{ reportId: r.id }} fw={600}>
                    {r.title}
                  </RouterAnchor>
                  <MoTagBadges codes={r.moTags} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{agencies.name(r.ownerAgencyId)}</Text>
              </Table.Td>
              <Table.Td>
                <MarkingBadge marking={r.marking} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contents(r)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fmt.dateTime(r.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
