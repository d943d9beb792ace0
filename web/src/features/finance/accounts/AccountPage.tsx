import { ACCOUNT_TAGS, type AccountTag } from '@cordon/contracts';
import { Badge, Button, Code, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { RouterButton } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accountQuery, financeKeys } from '../api/financeApi.ts';
import { useFinancePermissions } from '../roles.ts';
import { SilverNoticeButton } from '../SilverNoticeButton.tsx';

/** One account or wallet: its canonical key, agencies' tags, and the transfers I may read. */
export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me, write } = useFinancePermissions();
  const q = useQuery(accountQuery(accountId));
  const qc = useQueryClient();
  const [tag, setTag] = useState<AccountTag | null>(null);
  const addTag = useMutation({
    mutationFn: (body: { tag: AccountTag; remove?: boolean }) =>
      api('POST', `/api/finance/accounts/${accountId}/tags`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
  });
  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (!q.data) return <ProblemAlert error={q.error} />;
  const { account, transactions } = q.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {account.display}
          </Title>
          <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t(`finance.types.${account.type}`)} · {account.key}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-start">
          <RouterButton to="/finance/trace" search={{ accountId }} variant="light">
            {t('finance.accounts.traceFrom')}
          </RouterButton>
          <SilverNoticeButton accountIds={[accountId]} />
        </Group>
      </Group>
      <Group gap="xs">
        {account.tags.map((x) => (
          <Badge
            key={`${x.agencyId}-${x.tag}`}
            variant={x.agencyId === me.agency.id ? 'filled' : 'light'}
            color="blue.8"
          >
            {t(`finance.tags.${x.tag}`)} · TLP:{x.marking.tlp}
          </Badge>
        ))}
        {account.tags.length === 0 ? <Text c="dimmed">{t('finance.account.noTags')}</Text> : null}
      </Group>
      {write ? (
        <Group align="end">
          <Select
            label={t('finance.account.tagAs')}
            data={ACCOUNT_TAGS.map((x) => ({ value: x, label: t(`finance.tags.${x}`) }))}
            value={tag}
            onChange={(v) => setTag(v as AccountTag | null)}
            w={240}
          />
          <Button disabled={!tag} loading={addTag.isPending} onClick={() => tag && addTag.mutate({ tag })}>
            {t('finance.account.addTag')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={addTag.error} />
      <Title order={2} size="h3">
        {t('finance.account.transactions')}
      </Title>
      <ScrollTable label={t('finance.account.transactions')} minWidth={760}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.ledger.when')}</Table.Th>
              <Table.Th scope="col">{t('finance.account.direction')}</Table.Th>
              <Table.Th scope="col">{t('finance.account.counterpart')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('finance.ledger.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('finance.ledger.victim')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transactions.map((x) => {
              const incoming = x.toKey === account.key;
              return (
                <Table.Tr key={x.id}>
                  <Table.Td>{fmt.dateTime(x.occurredAt)}</Table.Td>
                  <Table.Td>{incoming ? t('finance.account.in') : t('finance.account.out')}</Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: 'anywhere' }}>{(incoming ? x.fromKey : x.toKey) ?? '—'}</Code>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {x.amount} {x.currency}
                    {x.usd ? (
                      <Text size="xs" c="dimmed">
                        ≈ {x.usd} USD
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {x.victimRef ? (
                      <RouterButton to="/finance/trace" search={{ tx: x.id }} size="compact-xs" variant="subtle">
                        {x.victimRef}
                      </RouterButton>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
