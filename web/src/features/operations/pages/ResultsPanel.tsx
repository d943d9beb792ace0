import type { NewResult, Operation } from '@cordon/contracts';
import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { resultsQuery, summaryQuery, usePublishSummary, useReport } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { ResultsMap } from './ResultsMap.tsx';

const FIGURES = ['arrests', 'victimsRescued', 'centresRaided', 'devicesSeized', 'accountsBlocked'] as const;

/** The results dashboard: totals, by country, over time, nationalities; the report form; the public summary. */
export function ResultsPanel({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { write } = useOpsPermissions();
  const results = useQuery(resultsQuery(operation.id));
  const summary = useQuery(summaryQuery(operation.id));
  const publish = usePublishSummary(operation.id);
  const d = results.data;
  const reporting = operation.status === 'active' || operation.status === 'concluded';
  return (
    <Stack gap="lg">
      <ProblemAlert error={results.error} />
      {d ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} data-testid="results-totals">
            <Stat label={t('operations.results.countries')} value={String(d.totals.countries)} />
            {FIGURES.map((f) => (
              <Stat key={f} label={t(`operations.results.${f}`)} value={String(d.totals[f])} />
            ))}
          </SimpleGrid>
          {d.totals.assets.map((a) => (
            <Text key={a.currency} size="sm">
              {t('operations.results.assets', { currency: a.currency, frozen: a.frozen, seized: a.seized })}
            </Text>
          ))}
          {d.byCountry.length > 0 ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('operations.results.byCountry')}
              </Title>
              <ResultsMap byCountry={d.byCountry} />
              <ScrollTable label={t('operations.results.byCountry')} minWidth={640}>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('operations.results.country')}</Table.Th>
                      {FIGURES.map((f) => (
                        <Table.Th scope="col" key={f}>
                          {t(`operations.results.${f}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.byCountry.map((c) => (
                      <Table.Tr key={c.country}>
                        <Table.Td>{fmt.country(c.country)}</Table.Td>
                        {FIGURES.map((f) => (
                          <Table.Td key={f}>{c[f]}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Title order={2} size="h4">
                {t('operations.results.overTime')}
              </Title>
              <ScrollTable label={t('operations.results.overTime')} minWidth={640}>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('operations.results.day')}</Table.Th>
                      {FIGURES.map((f) => (
                        <Table.Th scope="col" key={f}>
                          {t(`operations.results.${f}`)}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.overTime.map((x) => (
                      <Table.Tr key={x.day}>
                        <Table.Td>{x.day}</Table.Td>
                        {FIGURES.map((f) => (
                          <Table.Td key={f}>{x[f]}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              {d.nationalities.length > 0 ? (
                <Text size="sm">
                  {t('operations.results.nationalities')}:{' '}
                  {d.nationalities.map((n) => `${fmt.country(n.nationality)} ${n.arrests}`).join(', ')}
                </Text>
              ) : null}
            </Stack>
          ) : (
            <Text c="dimmed">{t('operations.results.empty')}</Text>
          )}
        </>
      ) : null}
      {summary.data ? (
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('operations.results.publicSummary')}
            </Title>
            <Text size="sm">{t('operations.results.publicSummaryHelp')}</Text>
            <Text fw={600} data-testid="public-summary" style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
              TLP:CLEAR — {summary.data.text}
            </Text>
            <ProblemAlert error={publish.error} />
            {operation.myStatus === 'lead' && write && reporting ? (
              operation.summaryPublished ? (
                <Text size="sm" fw={600}>
                  {t('operations.results.published')}
                </Text>
              ) : (
                <Group>
                  <Button size="xs" variant="light" onClick={() => publish.mutate()} loading={publish.isPending}>
                    {t('operations.results.publish')}
                  </Button>
                </Group>
              )
            ) : null}
          </Stack>
        </Card>
      ) : null}
      {write && reporting ? <ReportForm operationId={operation.id} /> : null}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** "CN:30, TH 10" → { CN: 30, TH: 10 } (unparsable parts are left for the server to refuse). */
export function parseNationalities(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of s.split(/[,;]/)) {
    const m = part.trim().match(/^([A-Za-z]{2})\s*[:=\s]\s*(\d+)$/);
    if (m?.[1] && m[2]) out[m[1].toUpperCase()] = (out[m[1].toUpperCase()] ?? 0) + Number(m[2]);
  }
  return out;
}

function ReportForm({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const report = useReport(operationId);
  const today = new Date().toISOString().slice(0, 10);
  const [n, setN] = useState<Record<(typeof FIGURES)[number], number>>({
    arrests: 0,
    victimsRescued: 0,
    centresRaided: 0,
    devicesSeized: 0,
    accountsBlocked: 0,
  });
  const [day, setDay] = useState(today);
  const [nats, setNats] = useState('');
  const [money, setMoney] = useState({ assetsFrozen: '0', assetsSeized: '0', currency: 'USD' });
  const errors = fieldErrors(report.error);
  return (
    <Card withBorder component="section" aria-labelledby="report-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body: NewResult = { reportedOn: day, ...n, arrestNationalities: parseNationalities(nats), ...money };
          report.mutate(body);
        }}
      >
        <Stack gap="sm">
          <Title id="report-title" order={2} size="h4">
            {t('operations.results.report')}
          </Title>
          <ProblemAlert error={report.error} />
          <TextInput
            type="date"
            label={t('operations.results.day')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={errors.reportedOn}
          />
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
            {FIGURES.map((f) => (
              <NumberInput
                key={f}
                label={t(`operations.results.${f}`)}
                min={0}
                value={n[f]}
                onChange={(v) => setN({ ...n, [f]: Number(v) || 0 })}
                error={errors[f]}
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('operations.results.nationalities')}
            description={t('operations.results.nationalitiesHelp')}
            value={nats}
            onChange={(e) => setNats(e.currentTarget.value)}
            error={errors.arrestNationalities}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('operations.results.frozen')}
              value={money.assetsFrozen}
              onChange={(e) => setMoney({ ...money, assetsFrozen: e.currentTarget.value })}
              error={errors.assetsFrozen}
            />
            <TextInput
              label={t('operations.results.seized')}
              value={money.assetsSeized}
              onChange={(e) => setMoney({ ...money, assetsSeized: e.currentTarget.value })}
              error={errors.assetsSeized}
            />
            <TextInput
              label={t('operations.results.currency')}
              value={money.currency}
              onChange={(e) => setMoney({ ...money, currency: e.currentTarget.value.toUpperCase() })}
              error={errors.currency}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={report.isPending}>
              {t('operations.results.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
