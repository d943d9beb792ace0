import { Badge, Button, Card, Group, MultiSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { useAgencyNames } from '../../intel/shared/useAgencyNames.ts';
import { operationsQuery, useCreateOperation } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Operations my agency leads, takes part in or is invited to; and the form to plan one. */
export function OperationsListPage() {
  const { t } = useTranslation();
  const perms = useOpsPermissions();
  const list = useQuery(operationsQuery);
  const [planning, setPlanning] = useState(false);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('operations.list.title')}
        intro={t('operations.list.intro')}
        action={
          perms.write && !planning ? (
            <Button onClick={() => setPlanning(true)}>{t('operations.plan.open')}</Button>
          ) : null
        }
      />
      {planning ? <PlanForm onDone={() => setPlanning(false)} /> : null}
      <ProblemAlert error={list.error} />
      {list.data?.length === 0 ? <Text c="dimmed">{t('operations.list.empty')}</Text> : null}
      {list.data && list.data.length > 0 ? (
        <ScrollTable label={t('operations.list.title')} minWidth={720}>
          <Table verticalSpacing="sm" striped data-testid="operations-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('operations.fields.codeName')}</Table.Th>
                <Table.Th scope="col">{t('operations.fields.lead')}</Table.Th>
                <Table.Th scope="col">{t('operations.fields.period')}</Table.Th>
                <Table.Th scope="col">{t('common.status')}</Table.Th>
                <Table.Th scope="col">{t('operations.list.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <RouterAnchor to="/operations/$operationId" params={{ operationId: o.id }} fw={600}>
                      {o.codeName}
                    </RouterAnchor>
                    {o.myStatus === 'invited' ? (
                      <Badge ml="xs" color="orange" variant="light">
                        {t('operations.participants.invited')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{o.leadAgencyName}</Table.Td>
                  <Table.Td>
                    {o.periodStart} – {o.periodEnd}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{t('operations.list.participants', { count: o.participants })}</Text>
                      <Text size="sm">{t('operations.list.targets', { count: o.targets })}</Text>
                      {o.openConflicts > 0 ? (
                        <Badge color="red.9">{t('operations.list.conflicts', { count: o.openConflicts })}</Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

function PlanForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { agencies } = useAgencyNames();
  const { me } = useOpsPermissions();
  const create = useCreateOperation();
  const navigate = useNavigate();
  const [f, setF] = useState({ codeName: '', objectives: '', periodStart: '', periodEnd: '', contactPoint: '' });
  const [invited, setInvited] = useState<string[]>([]);
  const errors = fieldErrors(create.error);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { ...f, invitedAgencyIds: invited },
            {
              onSuccess: (op) => {
                onDone();
                void navigate({ to: '/operations/$operationId', params: { operationId: op.id } });
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text id="plan-title" fw={700} size="lg" component="h2">
            {t('operations.plan.title')}
          </Text>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('operations.fields.codeName')}
            required
            value={f.codeName}
            onChange={set('codeName')}
            error={errors.codeName}
          />
          <Textarea
            label={t('operations.fields.objectives')}
            value={f.objectives}
            onChange={set('objectives')}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('operations.fields.periodStart')}
              required
              value={f.periodStart}
              onChange={set('periodStart')}
              error={errors.periodStart}
            />
            <TextInput
              type="date"
              label={t('operations.fields.periodEnd')}
              required
              value={f.periodEnd}
              onChange={set('periodEnd')}
              error={errors.periodEnd}
            />
          </Group>
          <TextInput
            label={t('operations.fields.contactPoint')}
            description={t('operations.fields.contactPointHelp')}
            required
            value={f.contactPoint}
            onChange={set('contactPoint')}
            error={errors.contactPoint}
          />
          <MultiSelect
            label={t('operations.fields.invited')}
            searchable
            data={agencies
              .filter((a) => a.id !== me.agency.id)
              .map((a) => ({ value: a.id, label: `${a.name} (${fmt.country(a.country)})` }))}
            value={invited}
            onChange={setInvited}
            error={errors.invitedAgencyIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('operations.plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
