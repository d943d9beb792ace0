import { Badge, Card, Code, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accountsQuery, detectionsQuery } from '../api/financeApi.ts';

/** Accounts and wallets this agency has seen, and what the detectors make of them. */
export function AccountsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const accounts = useQuery(accountsQuery(q.trim()));
  const detections = useQuery(detectionsQuery);
  return (
    <Stack gap="lg">
      <PageHeader title={t('finance.accounts.title')} intro={t('finance.accounts.intro')} />
      <TextInput
        label={t('finance.accounts.search')}
        placeholder="TRX…, DE89…, gcash"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={480}
      />
      <ProblemAlert error={accounts.error ?? detections.error} />
      {accounts.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {accounts.data?.length === 0 ? <Text c="dimmed">{t('finance.accounts.empty')}</Text> : null}
      {accounts.data && accounts.data.length > 0 ? (
        <ScrollTable label={t('finance.accounts.title')} minWidth={720}>
          <Table verticalSpacing="xs" striped data-testid="finance-accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('finance.accounts.account')}</Table.Th>
                <Table.Th scope="col">{t('finance.accounts.type')}</Table.Th>
                <Table.Th scope="col">{t('finance.accounts.country')}</Table.Th>
                <Table.Th scope="col">{t('finance.accounts.tags')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <RouterAnchor
                      to="/finance/accounts/$accountId"
                      params={{ accountId: a.id }}
                      ff="monospace"
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {a.display}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{t(`finance.types.${a.type}`)}</Table.Td>
                  <Table.Td>{a.country ?? a.chain ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {[...new Set(a.tags.map((x) => x.tag))].map((tag) => (
                        <Badge key={tag} variant="light" size="sm">
                          {t(`finance.tags.${tag}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RouterAnchor to="/finance/trace" search={{ accountId: a.id }} size="sm">
                      {t('finance.accounts.traceFrom')}
                    </RouterAnchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <Title order={2} size="h3">
        {t('finance.detect.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('finance.detect.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="finance-detections">
        {(detections.data ?? []).slice(0, 12).map((d) => (
          <Card key={`${d.kind}-${d.accountId}`} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap">
              <Badge autoContrast color={d.kind === 'collection' ? 'red.9' : d.kind === 'mule' ? 'grape.9' : 'blue.9'}>
                {t(`finance.detect.${d.kind}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('finance.detect.score', { score: d.score })}
              </Text>
            </Group>
            <Code block mt="xs" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {d.display}
            </Code>
            <Stack gap={2} mt="xs">
              {d.evidence.map((e) => (
                <Text key={e} size="sm">
                  {e}
                </Text>
              ))}
            </Stack>
            <RouterAnchor to="/finance/trace" search={{ accountId: d.accountId }} size="sm" mt="xs">
              {t('finance.accounts.traceFrom')}
            </RouterAnchor>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
