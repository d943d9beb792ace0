import { BATCH_STATUSES, PERSON_STATUSES } from '@cordon/contracts';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { dashboardQuery, useAdvanceBatch } from './api/rescueApi.ts';

/** Repatriation by nationality: counts per stage (never names) and the batches on their way home. */
export function DashboardPage({ caseId }: { caseId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery(dashboardQuery(caseId));
  const advance = useAdvanceBatch();
  const d = q.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('rescue.dashboard.title')} intro={t('rescue.dashboard.intro')} />
      <ProblemAlert error={q.error ?? advance.error} />
      {d ? (
        <>
          <Text fw={600} data-testid="dashboard-total">
            {t('rescue.dashboard.total', { count: d.total })}
          </Text>
          <ScrollTable label={t('rescue.dashboard.table')} minWidth={760}>
            <Table striped data-testid="dashboard-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rescue.person.nationality')}</Table.Th>
                  <Table.Th ta="right">{t('rescue.dashboard.people')}</Table.Th>
                  {PERSON_STATUSES.map((s) => (
                    <Table.Th key={s} ta="right">
                      {t(`rescue.status.${s}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('rescue.nonPunishmentFlag')}</Table.Th>
                  <Table.Th ta="right">{t('rescue.person.matches')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.byNationality.map((n) => (
                  <Table.Tr key={n.nationality}>
                    <Table.Td>
                      {fmt.country(n.nationality)} ({n.nationality})
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {n.total}
                    </Table.Td>
                    {PERSON_STATUSES.map((s) => (
                      <Table.Td key={s} ta="right">
                        {n.byStatus[s] ?? 0}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{n.nonPunishment}</Table.Td>
                    <Table.Td ta="right">{n.matches}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Title order={2} size="h3">
            {t('rescue.dashboard.batches')}
          </Title>
          {d.batches.length === 0 ? <Text c="dimmed">{t('rescue.dashboard.noBatches')}</Text> : null}
          {d.batches.map((b) => {
            const next = BATCH_STATUSES[BATCH_STATUSES.indexOf(b.status) + 1];
            return (
              <Card key={b.id} withBorder padding="sm">
                <Group justify="space-between">
                  <Stack gap={2}>
                    <Text fw={600}>
                      {fmt.country(b.nationality)} · {t('rescue.board.persons', { count: b.persons })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {[
                        b.transportMode && t(`rescue.transport.${b.transportMode as 'air'}`),
                        b.carrierRef,
                        b.travelDate,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Badge>{t(`rescue.batch.${b.status}`)}</Badge>
                    {next ? (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={advance.isPending && advance.variables?.id === b.id}
                        onClick={() => advance.mutate({ id: b.id, status: next })}
                      >
                        {t('rescue.dashboard.advance', { status: t(`rescue.batch.${next}`) })}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
              </Card>
            );
          })}
        </>
      ) : null}
    </Stack>
  );
}
