import { SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { balancesQuery, ledgerQuery } from '../api/financeApi.ts';

const GROUPS = ['case', 'operation', 'country', 'currency'] as const;

/** The asset ledger: balances derived from the entries, and the entries themselves. */
export function LedgerPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [by, setBy] = useState<(typeof GROUPS)[number]>('case');
  const balances = useQuery(balancesQuery(by));
  const entries = useQuery(ledgerQuery);
  return (
    <Stack gap="lg">
      <PageHeader title={t('finance.ledger.title')} intro={t('finance.ledger.intro')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="ledger-group">
          {t('finance.ledger.groupBy')}
        </Text>
        <SegmentedControl
          aria-labelledby="ledger-group"
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          data={GROUPS.map((g) => ({ value: g, label: t(`finance.ledger.groups.${g}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <ProblemAlert error={balances.error ?? entries.error} />
      <ScrollTable label={t('finance.ledger.balances')} minWidth={720}>
        <Table verticalSpacing="xs" striped data-testid="ledger-balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`finance.ledger.groups.${by}`)}</Table.Th>
              <Table.Th scope="col">{t('finance.ledger.currency')}</Table.Th>
              {(['frozen', 'seized', 'forfeited', 'returned'] as const).map((k) => (
                <Table.Th scope="col" key={k} style={{ textAlign: 'right' }}>
                  {t(`finance.states.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(balances.data ?? []).map((b) => (
              <Table.Tr key={`${b.group}-${b.currency}`}>
                <Table.Td>{b.group ?? '—'}</Table.Td>
                <Table.Td>{b.currency}</Table.Td>
                {(['frozen', 'seized', 'forfeited', 'returned'] as const).map((k) => (
                  <Table.Td key={k} style={{ textAlign: 'right' }}>
                    <div>{b[k]}</div>
                    {b.usd[k] !== null ? (
                      <Text size="xs" c="dimmed">
                        ≈ {b.usd[k]} USD
                      </Text>
                    ) : null}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Title order={2} size="h3">
        {t('finance.ledger.entries')}
      </Title>
      <ScrollTable label={t('finance.ledger.entries')} minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.ledger.when')}</Table.Th>
              <Table.Th scope="col">{t('finance.ledger.kind')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('finance.ledger.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('finance.ledger.victim')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(entries.data ?? [])
              .slice(-200)
              .reverse()
              .map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{fmt.dateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>{t(`finance.ledger.kinds.${e.kind}`)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {e.amount} {e.currency}
                  </Table.Td>
                  <Table.Td>{e.victimRef ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
