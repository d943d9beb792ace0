import type { BulkRegistration } from '@cordon/contracts';
import {
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { newIdempotencyKey } from '../intel/form/idempotencyKey.ts';
import { useRegister } from './api/rescueApi.ts';
import { RESCUE_WRITERS } from './shared.tsx';

const SAMPLE = 'row_key,name,nationality,date_of_birth,gender,languages\nA-001,Maria Santos,PH,1996-11-20,f,tl;en\n';
interface Row {
  name: string;
  nationality: string;
  dateOfBirth: string;
  gender: string;
}
const empty = (): Row => ({ name: '', nationality: '', dateOfBirth: '', gender: 'unknown' });

function Result({ r }: { r: BulkRegistration }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="registration-result">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="teal">{t('rescue.register.created', { count: r.created })}</Badge>
          <Badge color="gray">{t('rescue.register.existing', { count: r.existing })}</Badge>
          <Badge color={r.errors.length ? 'red' : 'gray'}>
            {t('rescue.register.errors', { count: r.errors.length })}
          </Badge>
          <Badge color="grape">{t('rescue.register.matches', { count: r.matches.length })}</Badge>
          <Badge color="blue">{t('rescue.register.consulates', { count: r.consulatesNotified })}</Badge>
        </Group>
        <Text size="sm">
          {Object.entries(r.byNationality)
            .map(([n, k]) => `${n} ${k}`)
            .join(' · ')}
        </Text>
        {r.errors.length > 0 ? (
          <ScrollTable label={t('rescue.register.errorTable')} minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rescue.register.row')}</Table.Th>
                  <Table.Th>{t('rescue.register.field')}</Table.Th>
                  <Table.Th>{t('rescue.register.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.errors.slice(0, 200).map((e) => (
                  <Table.Tr key={`${e.row}-${e.field}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        {r.matches.length > 0 ? (
          <Stack gap={2}>
            {r.matches.slice(0, 100).map((m) => (
              <Text key={`${m.row}-${m.match.caseId}`} size="sm">
                {t('rescue.register.matchLine', { row: m.row, ref: m.match.caseRef, verdict: m.match.verdict })}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Mass registration after a raid: a CSV file or the fast form; per-row errors; re-upload is harmless. */
export function RegisterPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const reg = useRegister(caseId);
  const [csv, setCsv] = useState('');
  const [rows, setRows] = useState<Row[]>([empty(), empty(), empty()]);
  const setRow = (i: number, k: keyof Row, v: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <RequireRole roles={RESCUE_WRITERS}>
      <Stack gap="lg">
        <PageHeader title={t('rescue.register.title')} intro={t('rescue.register.intro')} />
        <RouterAnchor to="/rescue/cases/$caseId" params={{ caseId }} size="sm">
          {t('rescue.register.back')}
        </RouterAnchor>
        <Tabs defaultValue="csv">
          <Tabs.List>
            <Tabs.Tab value="csv">{t('rescue.register.csv')}</Tabs.Tab>
            <Tabs.Tab value="form">{t('rescue.register.form')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="csv" pt="md">
            <Stack gap="sm" maw={900}>
              <FileInput
                label={t('rescue.register.file')}
                accept=".csv,text/csv"
                clearable
                onChange={(file) => void file?.text().then(setCsv)}
              />
              <Textarea
                label={t('rescue.register.paste')}
                description={t('rescue.register.columns')}
                placeholder={SAMPLE}
                value={csv}
                onChange={(e) => setCsv(e.currentTarget.value)}
                autosize
                minRows={6}
                maxRows={16}
                styles={{ input: { fontFamily: 'monospace' } }}
                data-testid="csv-text"
              />
              <Group>
                <Button
                  disabled={!csv.trim()}
                  loading={reg.isPending}
                  onClick={() => reg.mutate({ kind: 'csv', csv, key: newIdempotencyKey() })}
                  data-testid="upload-csv"
                >
                  {t('rescue.register.upload')}
                </Button>
              </Group>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="form" pt="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const filled = rows.filter((r) => r.name.trim() || r.nationality.trim());
                reg.mutate({
                  kind: 'rows',
                  rows: filled.map((r) => ({ ...r, ...(r.dateOfBirth ? {} : { dateOfBirth: undefined }) })),
                  key: newIdempotencyKey(),
                });
              }}
            >
              <Stack gap="xs" maw={900}>
                {rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
                  <SimpleGrid key={i} cols={{ base: 2, sm: 4 }} spacing="xs">
                    <TextInput
                      aria-label={t('rescue.register.rowName', { n: i + 1 })}
                      placeholder={t('rescue.person.name')}
                      value={r.name}
                      onChange={(e) => setRow(i, 'name', e.currentTarget.value)}
                    />
                    <TextInput
                      aria-label={t('rescue.register.rowNationality', { n: i + 1 })}
                      placeholder={t('rescue.person.nationality')}
                      maxLength={2}
                      value={r.nationality}
                      onChange={(e) => setRow(i, 'nationality', e.currentTarget.value.toUpperCase())}
                    />
                    <TextInput
                      aria-label={t('rescue.register.rowDob', { n: i + 1 })}
                      placeholder="YYYY-MM-DD"
                      value={r.dateOfBirth}
                      onChange={(e) => setRow(i, 'dateOfBirth', e.currentTarget.value)}
                    />
                    <Select
                      aria-label={t('rescue.register.rowGender', { n: i + 1 })}
                      data={(['female', 'male', 'other', 'unknown'] as const).map((g) => ({
                        value: g,
                        label: t(`rescue.gender.${g}`),
                      }))}
                      value={r.gender}
                      onChange={(v) => setRow(i, 'gender', v ?? 'unknown')}
                      allowDeselect={false}
                    />
                  </SimpleGrid>
                ))}
                <Group>
                  <Button
                    variant="subtle"
                    onClick={() => setRows((rs) => [...rs, empty(), empty(), empty(), empty(), empty()])}
                  >
                    {t('rescue.register.moreRows')}
                  </Button>
                  <Button type="submit" loading={reg.isPending}>
                    {t('rescue.register.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Tabs.Panel>
        </Tabs>
        <ProblemAlert error={reg.error} />
        {reg.data ? (
          <>
            <Title order={2} size="h4">
              {t('rescue.register.result')}
            </Title>
            <Result r={reg.data} />
          </>
        ) : null}
      </Stack>
    </RequireRole>
  );
}
