import { type Operation, TASK_STATUSES, type Task } from '@cordon/contracts';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
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
        <ScrollTable label={t('operations.tabs.tasks')} minWidth={640}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('operations.tasks.title')}</Table.Th>
                <Table.Th scope="col">{t('operations.tasks.assignee')}</Table.Th>
                <Table.Th scope="col">{t('operations.tasks.due')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
            </Table.Tbody>
          </Table>
        </ScrollTable>
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
    <Card withBorder component="section" aria-labelledby="add-task-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { title, description: '', assigneeAgencyId: assignee ?? '', dueAt: due ? new Date(due).toISOString() : '' },
            { onSuccess: () => setTitle('') },
          );
        }}
      >
        <Stack gap="sm">
          <Text id="add-task-title" fw={700} component="h2">
            {t('operations.tasks.add')}
          </Text>
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
          {add.error && Object.keys(errors).length === 0 ? <ProblemAlert error={add.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('operations.tasks.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
