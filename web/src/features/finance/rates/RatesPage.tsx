import type { RateRow } from '@cordon/contracts';
import { Button, FileInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { ratesQuery } from '../api/financeApi.ts';
import { useFinancePermissions } from '../roles.ts';
import { parseRatesCsv } from './ratesCsv.ts';

/** USD rates by currency or token and date of validity; writers add one or import a CSV. */
export function RatesPage() {
  const { t } = useTranslation();
  const { write } = useFinancePermissions();
  const qc = useQueryClient();
  const [filter, setFilter] = useState('');
  const rates = useQuery(ratesQuery(filter.trim().toUpperCase()));
  const [form, setForm] = useState({ currency: '', validFrom: '', usd: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const put = useMutation({
    mutationFn: (rows: RateRow[]) => api<{ stored: number }>('PUT', '/api/finance/rates', { rows }),
    onSuccess: (r) => {
      setNotice(t('finance.rates.stored', { count: r.stored }));
      return qc.invalidateQueries({ queryKey: ['finance', 'rates'] });
    },
  });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const importFile = async (file: File | null) => {
    setNotice(null);
    setFileProblem(null);
    if (!file) return;
    const { rows, bad } = parseRatesCsv(await file.text());
    if (bad.length > 0 || rows.length === 0) {
      setFileProblem(
        rows.length === 0 && bad.length === 0
          ? t('finance.rates.empty')
          : t('finance.rates.badLines', { lines: bad.join(', ') }),
      );
      return;
    }
    put.mutate(rows);
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('finance.rates.title')} intro={t('finance.rates.intro')} />
      {write ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('finance.rates.add')}
          </Title>
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('finance.rates.currency')}
              value={form.currency}
              onChange={(e) => setForm({ ...form, currency: e.currentTarget.value })}
              w={140}
              required
            />
            <TextInput
              type="date"
              label={t('finance.rates.validFrom')}
              value={form.validFrom}
              onChange={(e) => setForm({ ...form, validFrom: e.currentTarget.value })}
              w={180}
              required
            />
            <TextInput
              label={t('finance.rates.usd')}
              value={form.usd}
              onChange={(e) => setForm({ ...form, usd: e.currentTarget.value })}
              inputMode="decimal"
              w={160}
              required
            />
            <Button
              loading={put.isPending}
              disabled={!form.currency || !form.validFrom || !form.usd}
              onClick={() => {
                setNotice(null);
                put.mutate([
                  { currency: form.currency.trim().toUpperCase(), validFrom: form.validFrom, usd: form.usd.trim() },
                ]);
              }}
            >
              {t('finance.rates.save')}
            </Button>
          </Group>
          <FileInput
            label={t('finance.rates.importCsv')}
            description={t('finance.rates.csvHelp')}
            accept=".csv,text/csv"
            value={null}
            onChange={(f) => void importFile(f)}
            maw={420}
          />
          {fileProblem ? (
            <Text c="red.8" role="alert">
              {fileProblem}
            </Text>
          ) : null}
          {notice ? (
            <Text fw={600} role="status">
              {notice}
            </Text>
          ) : null}
          <ProblemAlert error={put.error} />
        </Stack>
      ) : null}
      <TextInput
        label={t('finance.rates.filter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={240}
      />
      <ProblemAlert error={rates.error} />
      <ScrollTable label={t('finance.rates.table')} minWidth={300}>
        <Table verticalSpacing="xs" horizontalSpacing="xs" striped data-testid="finance-rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.rates.currency')}</Table.Th>
              <Table.Th scope="col">{t('finance.rates.validFrom')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('finance.rates.usd')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rates.data ?? []).map((r) => (
              <Table.Tr key={`${r.currency}-${r.validFrom}`}>
                <Table.Td>{r.currency}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.validFrom}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{r.usd}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rates.data && rates.data.length === 0 ? <Text c="dimmed">{t('finance.rates.none')}</Text> : null}
    </Stack>
  );
}
