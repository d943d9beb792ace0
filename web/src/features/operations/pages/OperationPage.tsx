import type { Operation, OperationStatus } from '@cordon/contracts';
import { Alert, Badge, Button, Card, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { TlpBadge } from '../../../components/MarkingBadge.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { conflictsQuery, operationQuery, useAnswer, useTransition } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { ChannelPanel } from './ChannelPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TargetsPanel } from './TargetsPanel.tsx';
import { TasksPanel } from './TasksPanel.tsx';

const NEXT: Record<OperationStatus, Exclude<OperationStatus, 'planning'> | null> = {
  planning: 'active',
  active: 'concluded',
  concluded: 'archived',
  archived: null,
};

/** One operation: header and participants; for participants, the board (targets, conflicts, tasks, channel, results). */
export function OperationPage({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const perms = useOpsPermissions();
  const op = useQuery(operationQuery(operationId));
  const transition = useTransition(operationId);
  const participant = op.data?.myStatus === 'lead' || op.data?.myStatus === 'accepted';
  const conflicts = useQuery({ ...conflictsQuery(operationId), enabled: participant });
  const open = (conflicts.data ?? []).filter((c) => c.status !== 'resolved').length;
  if (op.error) return <ProblemAlert error={op.error} />;
  if (!op.data) return null;
  const o = op.data;
  const next = NEXT[o.status];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{o.codeName}</Title>
          <Group gap="xs">
            <StatusBadge status={o.status} />
            <TlpBadge level={o.marking.tlp} />
            <Text size="sm">
              {o.periodStart} – {o.periodEnd}
            </Text>
          </Group>
        </Stack>
        {o.myStatus === 'lead' && next && perms.write ? (
          <Button onClick={() => transition.mutate(next)} loading={transition.isPending}>
            {t(`operations.transition.${next}`)}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={transition.error} />
      {o.objectives ? <Text style={{ whiteSpace: 'pre-wrap' }}>{o.objectives}</Text> : null}
      {o.myStatus === 'invited' && perms.write ? <Invitation operationId={o.id} /> : null}
      {participant ? (
        <Tabs defaultValue="targets" keepMounted={false}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            <Tabs.Tab value="targets">{t('operations.tabs.targets')}</Tabs.Tab>
            <Tabs.Tab
              value="conflicts"
              rightSection={
                open > 0 ? (
                  <Badge color="red.9" size="sm">
                    {open}
                  </Badge>
                ) : null
              }
            >
              {t('operations.tabs.conflicts')}
            </Tabs.Tab>
            <Tabs.Tab value="tasks">{t('operations.tabs.tasks')}</Tabs.Tab>
            <Tabs.Tab value="channel">{t('operations.tabs.channel')}</Tabs.Tab>
            <Tabs.Tab value="results">{t('operations.tabs.results')}</Tabs.Tab>
            <Tabs.Tab value="participants">{t('operations.tabs.participants')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="targets" pt="md">
            <TargetsPanel operation={o} />
          </Tabs.Panel>
          <Tabs.Panel value="conflicts" pt="md">
            <ConflictsPanel operationId={o.id} />
          </Tabs.Panel>
          <Tabs.Panel value="tasks" pt="md">
            <TasksPanel operation={o} />
          </Tabs.Panel>
          <Tabs.Panel value="channel" pt="md">
            <ChannelPanel operationId={o.id} />
          </Tabs.Panel>
          <Tabs.Panel value="results" pt="md">
            <ResultsPanel operation={o} />
          </Tabs.Panel>
          <Tabs.Panel value="participants" pt="md">
            <Participants operation={o} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Participants operation={o} />
      )}
    </Stack>
  );
}

function Participants({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ScrollTable label={t('operations.tabs.participants')} minWidth={560}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('operations.fields.agency')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            <Table.Th scope="col">{t('operations.fields.contactPoint')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {operation.participants.map((p) => (
            <Table.Tr key={p.agencyId}>
              <Table.Td>
                {p.agencyName} ({fmt.country(p.country)})
              </Table.Td>
              <Table.Td>{t(`operations.participants.${p.status}`)}</Table.Td>
              <Table.Td>{p.contactPoint ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Invitation({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const answer = useAnswer(operationId);
  const [contact, setContact] = useState('');
  const errors = fieldErrors(answer.error);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Alert color="orange" title={t('operations.invitation.title')}>
          {t('operations.invitation.body')}
        </Alert>
        <ProblemAlert error={answer.error} />
        <TextInput
          label={t('operations.fields.contactPoint')}
          description={t('operations.fields.contactPointHelp')}
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          error={errors.contactPoint}
        />
        <Group>
          <Button onClick={() => answer.mutate({ accept: true, contactPoint: contact })} loading={answer.isPending}>
            {t('operations.invitation.accept')}
          </Button>
          <Button variant="default" color="red" onClick={() => answer.mutate({ accept: false })}>
            {t('operations.invitation.decline')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
