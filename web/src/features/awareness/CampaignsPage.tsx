import type { Campaign } from '@cordon/contracts';
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { campaignsQuery, reachQuery } from './api/awarenessApi.ts';
import { NewCampaignForm } from './NewCampaignForm.tsx';

const KINDS = ['view', 'click', 'check', 'report'] as const;

/** Reach over time: one row per day (all countries), from the aggregate counters. */
function Reach({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const q = useQuery(reachQuery(campaign.id));
  const days = new Map<string, Record<string, number>>();
  for (const r of q.data ?? []) {
    const row = days.get(r.day) ?? {};
    row[r.kind] = (row[r.kind] ?? 0) + r.count;
    days.set(r.day, row);
  }
  if (days.size === 0) return <Text size="sm">{t('awareness.noReach')}</Text>;
  return (
    <ScrollTable label={`${t('awareness.reachOf')} ${campaign.name}`} minWidth={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('awareness.day')}</Table.Th>
            {KINDS.map((k) => (
              <Table.Th key={k}>{t(`awareness.reach.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...days.entries()].map(([day, row]) => (
            <Table.Tr key={day}>
              <Table.Td>{day}</Table.Td>
              {KINDS.map((k) => (
                <Table.Td key={k}>{row[k] ?? 0}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const q = useQuery(campaignsQuery);
  return (
    <Stack gap="md">
      <PageHeader title={t('awareness.campaignsTitle')} intro={t('awareness.campaignsIntro')} />
      {q.error && <ProblemAlert error={q.error} />}
      <NewCampaignForm />
      {q.data?.length === 0 && <Text>{t('awareness.noCampaigns')}</Text>}
      {q.data?.map((c) => (
        <Card key={c.id} withBorder padding="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {c.name}
            </Title>
            <Text size="sm">
              {c.startsOn} → {c.endsOn} · {c.targetCountries.join(', ')} · {Object.keys(c.messages).join(', ')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('awareness.link')}: /?c={c.code}
          </Text>
          <Text size="sm" mb="xs">
            {KINDS.map((k) => `${t(`awareness.reach.${k}`)}: ${c.totals[k]}`).join(' · ')}
          </Text>
          <Reach campaign={c} />
        </Card>
      ))}
    </Stack>
  );
}
