import type { TraceRequest, TraceResult } from '@cordon/contracts';
import {
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { downloadTrace, useTrace } from '../api/financeApi.ts';
import { useFinancePermissions } from '../roles.ts';
import { SilverNoticeButton } from '../SilverNoticeButton.tsx';
import { FreezeRequestModal } from './FreezeRequestModal.tsx';
import { SankeyChart } from './SankeyChart.tsx';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Follow the money from victim payments or an account, see where it sits, and ask for a freeze. */
export function TracePage({ search }: { search: { accountId?: string; tx?: string } }) {
  const { t } = useTranslation();
  const perms = useFinancePermissions();
  const [txIds, setTxIds] = useState(search.tx ?? '');
  const [direction, setDirection] = useState<'forward' | 'backward'>(
    search.accountId && !search.tx ? 'backward' : 'forward',
  );
  const [model, setModel] = useState<'fifo' | 'proportional' | 'poison'>('fifo');
  const [hops, setHops] = useState<number>(6);
  const [freezeFor, setFreezeFor] = useState<TraceResult['nodes'][number] | null>(null);
  const run = useTrace();
  const [exportError, setExportError] = useState<unknown>(null);

  const request = (): TraceRequest => {
    const ids = txIds.match(UUID) ?? [];
    return {
      ...(ids.length > 0 ? { transactionIds: ids } : search.accountId ? { accountId: search.accountId } : {}),
      ...(direction === 'backward' && search.accountId
        ? { accountId: search.accountId, transactionIds: undefined }
        : {}),
      direction: direction === 'backward' && search.accountId ? 'backward' : 'forward',
      model,
      hops,
    };
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once for a link that names a start
  useEffect(() => {
    if (search.accountId || search.tx) run.mutate(clean(request()));
  }, [search.accountId, search.tx]);

  const result = run.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('finance.trace.title')} intro={t('finance.trace.intro')} />
      <Stack gap="sm" maw={720}>
        <Textarea
          label={t('finance.trace.transactions')}
          description={search.accountId ? t('finance.trace.fromAccount') : t('finance.trace.transactionsHelp')}
          value={txIds}
          onChange={(e) => setTxIds(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid="trace-tx-ids"
        />
        <Group gap="md" align="end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="trace-direction">
              {t('finance.trace.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby="trace-direction"
              value={direction}
              onChange={(v) => setDirection(v as 'forward' | 'backward')}
              data={[
                { value: 'forward', label: t('finance.trace.forward') },
                { value: 'backward', label: t('finance.trace.backward'), disabled: !search.accountId },
              ]}
            />
          </Stack>
          <Select
            label={t('finance.trace.model')}
            value={model}
            onChange={(v) => v && setModel(v as typeof model)}
            data={(['fifo', 'proportional', 'poison'] as const).map((m) => ({
              value: m,
              label: t(`finance.models.${m}`),
            }))}
            allowDeselect={false}
            w={220}
          />
          <NumberInput
            label={t('finance.trace.hops')}
            value={hops}
            onChange={(v) => setHops(Number(v) || 1)}
            min={1}
            max={10}
            w={100}
          />
          <Button onClick={() => run.mutate(clean(request()))} loading={run.isPending} data-testid="trace-run">
            {t('finance.trace.run')}
          </Button>
        </Group>
      </Stack>
      <ProblemAlert error={run.error ?? exportError} />
      {result ? (
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h3">
              {t('finance.trace.result', { count: result.nodes.length, currency: result.currency })}
            </Title>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => downloadTrace(clean(request()), 'csv').catch(setExportError)}
              >
                {t('finance.trace.exportCsv')}
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => downloadTrace(clean(request()), 'stix').catch(setExportError)}
              >
                {t('finance.trace.exportStix')}
              </Button>
              <SilverNoticeButton accountIds={result.nodes.map((n) => n.accountId)} size="xs" />
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t('finance.trace.origins', { list: result.origins.map((o) => `${o.id} (${o.amount})`).join(', ') || '—' })}
          </Text>
          <SankeyChart trace={result} label={t('finance.trace.flow')} />
          <ScrollTable label={t('finance.trace.where')} minWidth={760}>
            <Table verticalSpacing="xs" striped data-testid="trace-holdings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('finance.trace.hop')}</Table.Th>
                  <Table.Th scope="col">{t('finance.accounts.account')}</Table.Th>
                  <Table.Th scope="col">{t('finance.trace.received')}</Table.Th>
                  <Table.Th scope="col">{t('finance.trace.held')}</Table.Th>
                  <Table.Th scope="col">USD</Table.Th>
                  {perms.write ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.nodes.map((n) => (
                  <Table.Tr key={n.accountId} data-account={n.key}>
                    <Table.Td>{n.hop}</Table.Td>
                    <Table.Td>
                      <Code style={{ overflowWrap: 'anywhere' }}>{n.display}</Code>
                      <Group gap={4} mt={2}>
                        {n.tags.map((tag) => (
                          <Badge key={tag} size="xs" variant="light">
                            {t(`finance.tags.${tag}`)}
                          </Badge>
                        ))}
                        {n.horizon ? (
                          <Badge size="xs" color="gray" variant="outline">
                            {t('finance.trace.horizon')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{n.received}</Table.Td>
                    <Table.Td fw={600}>
                      {n.held} {result.currency}
                    </Table.Td>
                    <Table.Td>{n.heldUsd ?? '—'}</Table.Td>
                    {perms.write ? (
                      <Table.Td>
                        {n.held !== '0' ? (
                          <Button
                            size="xs"
                            color="red.9"
                            onClick={() => setFreezeFor(n)}
                            aria-label={t('finance.freeze.requestFor', { account: n.display })}
                          >
                            {t('finance.freeze.request')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      ) : null}
      {freezeFor && result ? (
        <FreezeRequestModal node={freezeFor} trace={result} onClose={() => setFreezeFor(null)} />
      ) : null}
    </Stack>
  );
}

function clean(r: TraceRequest): TraceRequest {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as TraceRequest;
}
