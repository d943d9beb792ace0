import type { Watch } from '@cordon/contracts';
import { Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { useFormat } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SuccessNotice, useSuccessNotice } from '../../../components/SuccessNotice.tsx';
import { useRemoveWatch, watchlistQuery } from '../api/watchApi.ts';
import { useIntelPermissions } from '../shared/intelRoles.ts';
import { Loading } from '../shared/Loading.tsx';
import { AddWatchForm } from './AddWatchForm.tsx';

/** What this agency wants to hear about: every new report touching a watch raises an alert. */
export function WatchlistPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const perms = useIntelPermissions();
  const list = useQuery(watchlistQuery);
  const remove = useRemoveWatch();
  const notice = useSuccessNotice();
  const [removing, setRemoving] = useState<Watch | null>(null);

  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.watch.title')} intro={t('intel.watch.intro')} />
      <SuccessNotice message={notice.message} onClose={notice.clear} />
      {perms.write ? <AddWatchForm onAdded={(label) => notice.show(t('intel.watch.added', { label }))} /> : null}
      <ProblemAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data?.length === 0 ? <Text c="dimmed">{t('intel.watch.empty')}</Text> : null}
      {list.data && list.data.length > 0 ? (
        <ScrollTable label={t('intel.watch.title')} minWidth={640}>
          <Table verticalSpacing="sm" striped data-testid="watchlist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('intel.watch.kind')}</Table.Th>
                <Table.Th scope="col">{t('intel.watch.label')}</Table.Th>
                <Table.Th scope="col">{t('intel.form.value')}</Table.Th>
                <Table.Th scope="col">{t('common.created')}</Table.Th>
                {perms.write ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Badge variant="light">{t(`intel.watchKinds.${w.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td fw={600}>{w.label}</Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: 'anywhere' }}>{w.value}</Code>
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(w.createdAt)}</Table.Td>
                  {perms.write ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(w)}
                        aria-label={t('intel.watch.removeLabel', { label: w.label })}
                      >
                        {t('intel.form.remove')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('intel.watch.removeTitle')}
        message={t('intel.watch.removeConfirm', { label: removing?.label ?? '' })}
        confirmLabel={t('intel.form.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              remove.reset();
            },
          })
        }
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </Stack>
  );
}
