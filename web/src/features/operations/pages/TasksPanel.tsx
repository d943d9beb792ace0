import { type Operation, TASK_STATUSES, type Task } from '@cordon/contracts';
import { Badge, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { FormCard } from '../../../components/FormCard.tsx';
import { useFormat } from '../../../components/format.ts';
import { HeadedTable } from '../../../components/HeadedTable.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { tasksQuery, useAddTask, usePatchTask } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';

/** Tasks assigned to participating agencies, with due dates; overdue ones stand out. */
export function TasksPanel({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me, write } = useOpsPermissions();
  const tasks = useQuery(tasksQuery(operation.id));
  const patch = usePatchTask(operation.id);
  const names = new Map(operation.participants.map((p) => [p.agencyId, p.agencyName]));
  const open = operation.status === 'planning' || operation.status === 'active';
  return (
    <Stack gap="md">
      {write && open ? <AddTask operation={operation} /> : null}
      <ProblemAlert error={tasks.error ?? patch.error} />
      {tasks.data?.length === 0 ? <Text c="dimmed">{t('operations.tasks.empty')}</Text> : null}
      {tasks.data && tasks.data.length > 0 ? (
        <HeadedTable
          label={t('operations.tabs.tasks')}
          minWidth={640}
          columns={[
            t('operations.tasks.title'),
            t('operations.tasks.assignee'),
            t('operations.tasks.due'),
            t('common.status'),
          ]}
        >
          {tasks.data.map((x) => {
            const mine = operation.myStatus === 'lead' || x.assigneeAgencyId === me.agency.id;
            const closed = x.status === 'done' || x.status === 'cancelled';
            return (
              <Table.Tr key={x.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {x.title}
                  </Text>
                  {x.description ? <Text size="xs">{x.description}</Text> : null}
                </Table.Td>
                <Table.Td>{names.get(x.assigneeAgencyId) ?? '—'}</Table.Td>
                <Table.Td>
                  {fmt.dateTime(x.dueAt)}{' '}
                  {x.overdue ? (
                    <Badge color="red.9" size="sm">
                      {t('operations.tasks.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {write && mine && !closed ? (
                    <Select
                      size="xs"
                      aria-label={t('operations.tasks.statusOf', { title: x.title })}
                      data={TASK_STATUSES.filter((s) => s !== 'cancelled' || operation.myStatus === 'lead').map(
                        (s) => ({
                          value: s,
                          label: t(`operations.taskStatuses.${s}`),
                        }),
                      )}
                      value={x.status}
                      allowDeselect={false}
                      onChange={(v) =>
                        v && v !== x.status && patch.mutate({ taskId: x.id, status: v as Task['status'] })
                      }
                    />
                  ) : (
                    t(`operations.taskStatuses.${x.status}`)
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </HeadedTable>
      ) : null}
    </Stack>
  );
}

function AddTask({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const add = useAddTask(operation.id);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const errors = fieldErrors(add.error);
  const participants = operation.participants.filter((p) => p.status === 'lead' || p.status === 'accepted');
  return (
    <FormCard
      titleId="add-task-title"
      title={t('operations.tasks.add')}
      submitLabel={t('operations.tasks.submit')}
      pending={add.isPending}
      error={add.error}
      fieldErrors={errors}
      onSubmit={() =>
        add.mutate(
          { title, description: '', assigneeAgencyId: assignee ?? '', dueAt: due ? new Date(due).toISOString() : '' },
          { onSuccess: () => setTitle('') },
        )
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('operations.tasks.title')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Select
          label={t('operations.tasks.assignee')}
          required
          data={participants.map((p) => ({ value: p.agencyId, label: p.agencyName }))}
          value={assignee}
          onChange={setAssignee}
          error={errors.assigneeAgencyId}
        />
        <TextInput
          type="datetime-local"
          label={t('operations.tasks.due')}
          required
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={errors.dueAt}
        />
      </SimpleGrid>
    </FormCard>
  );
}
