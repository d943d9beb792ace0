import type { NoticeSummary } from '@cordon/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { NoticeStatusBadge, TypeBadge } from './NoticeBadges.tsx';

/** A list of notices; also usable from other areas (the intelligence entity page). */
export function NoticesTable({ notices, label }: { notices: NoticeSummary[]; label: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (notices.length === 0) return <Text c="dimmed">{t('notices.list.empty')}</Text>;
  return (
    <ScrollTable label={label} minWidth={640}>
      <Table verticalSpacing="sm" striped data-testid="notices-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('notices.fields.type')}</Table.Th>
            <Table.Th scope="col">{t('notices.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('notices.fields.requestedBy')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('notices.fields.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notices.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <TypeBadge type={n.type} />
              </Table.Td>
              <Table.Td>
                <RouterAnchor to="/notices/$noticeId" params={{ noticeId: n.id }} fw={600}>
                  {n.title}
                </RouterAnchor>
              </Table.Td>
              <Table.Td>{n.ownerAgencyName}</Table.Td>
              <Table.Td>
                <NoticeStatusBadge status={n.status} />
              </Table.Td>
              <Table.Td>{fmt.dateTime(n.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
