import { Button, Center, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../app/session.ts';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { RequireRole } from '../../../components/RequireRole.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SuccessNotice, useSuccessNotice } from '../../../components/SuccessNotice.tsx';
import { agenciesQuery, matchesSearch } from './agenciesApi.ts';
import { RegisterAgencyModal } from './RegisterAgencyModal.tsx';

function Agencies() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const agencies = useQuery(agenciesQuery);
  const notice = useSuccessNotice();
  const [search, setSearch] = useState('');
  const [registering, setRegistering] = useState(false);
  const query = useDeferredValue(search);

  const rows = useMemo(() => {
    const list = (agencies.data ?? []).map((a) => ({
      ...a,
      countryName: fmt.country(a.country),
      kindName: t(`kinds.${a.kind}`),
      regionName: t(`regions.${a.region}`),
    }));
    return list
      .filter((a) =>
        matchesSearch(`${a.name} ${a.country} ${a.countryName} ${a.kindName} ${a.kind} ${a.regionName}`, query),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [agencies.data, query, fmt, t]);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('agencies.title')}
        intro={t('admin.agenciesIntro')}
        action={
          hasAnyRole(me, 'hub-admin') ? (
            <Button onClick={() => setRegistering(true)}>{t('agencies.register')}</Button>
          ) : null
        }
      />
      <SuccessNotice message={notice.message} onClose={notice.clear} />
      <TextInput
        label={t('agencies.search')}
        placeholder={t('agencies.searchHint')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      <ProblemAlert error={agencies.error} />
      {agencies.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {agencies.data ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('agencies.count', { count: rows.length })}
          </Text>
          {rows.length === 0 ? (
            <Text>{t('agencies.noMatch')}</Text>
          ) : (
            <ScrollTable label={t('agencies.title')} minWidth={640}>
              <Table striped highlightOnHover stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agencies.name')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.country')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.region')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.kind')}</Table.Th>
                    <Table.Th scope="col">{t('common.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td fw={500}>{a.name}</Table.Td>
                      <Table.Td>
                        {a.countryName} ({a.country})
                      </Table.Td>
                      <Table.Td>{a.regionName}</Table.Td>
                      <Table.Td>{a.kindName}</Table.Td>
                      <Table.Td>{fmt.dateTime(a.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      ) : null}
      <RegisterAgencyModal
        opened={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(a) => notice.show(t('agencies.registered', { name: a.name }))}
      />
    </Stack>
  );
}

export function AgenciesPage() {
  return (
    <RequireRole roles={['agency-admin', 'hub-admin']}>
      <Agencies />
    </RequireRole>
  );
}
