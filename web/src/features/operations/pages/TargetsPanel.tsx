import { type Operation, TARGET_PRIORITIES, TARGET_STATUSES, type Target } from '@cordon/contracts';
import { Badge, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { FormCard } from '../../../components/FormCard.tsx';
import { HeadedTable } from '../../../components/HeadedTable.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { EntityPicker } from '../../intel/shared/EntityPicker.tsx';
import { targetsQuery, useAddTarget, usePatchTarget } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';
import { SelectorInputs, type SelectorKind } from './SelectorInputs.tsx';

const PRIORITY_COLOURS: Record<Target['priority'], string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

/** Targets of the operation, and the form that adds one (deconfliction runs on the server at once). */
export function TargetsPanel({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const { me, write } = useOpsPermissions();
  const targets = useQuery(targetsQuery(operation.id));
  const patch = usePatchTarget(operation.id);
  const names = new Map(operation.participants.map((p) => [p.agencyId, p.agencyName]));
  const live = operation.status === 'planning' || operation.status === 'active';
  return (
    <Stack gap="md">
      {write && live ? <AddTarget operation={operation} /> : null}
      <ProblemAlert error={targets.error ?? patch.error} />
      {targets.data?.length === 0 ? <Text c="dimmed">{t('operations.targets.empty')}</Text> : null}
      {targets.data && targets.data.length > 0 ? (
        <HeadedTable
          label={t('operations.tabs.targets')}
          minWidth={760}
          testId="targets"
          columns={[
            t('operations.targets.label'),
            t('operations.targets.kind'),
            t('operations.targets.owner'),
            t('operations.targets.priority'),
            t('common.status'),
          ]}
        >
          {targets.data.map((x) => {
            const mayChange = write && (operation.myStatus === 'lead' || x.ownerAgencyId === me.agency.id);
            return (
              <Table.Tr key={x.id}>
                <Table.Td>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {x.label}
                  </Text>
                  {x.conflicts > 0 ? (
                    <Badge color="red.9" size="sm">
                      {t('operations.targets.conflicts', { count: x.conflicts })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`operations.targetKinds.${x.kind}`)}</Table.Td>
                <Table.Td>{names.get(x.ownerAgencyId) ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={PRIORITY_COLOURS[x.priority]} variant="light">
                    {t(`operations.priorities.${x.priority}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {mayChange ? (
                    <Select
                      size="xs"
                      aria-label={t('operations.targets.statusOf', { label: x.label })}
                      data={TARGET_STATUSES.map((s) => ({ value: s, label: t(`operations.targetStatuses.${s}`) }))}
                      value={x.status}
                      allowDeselect={false}
                      onChange={(v) => v && patch.mutate({ targetId: x.id, status: v as Target['status'] })}
                    />
                  ) : (
                    t(`operations.targetStatuses.${x.status}`)
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

function AddTarget({ operation }: { operation: Operation }) {
  const { t } = useTranslation();
  const add = useAddTarget(operation.id);
  const [mode, setMode] = useState<'selector' | 'entity'>('selector');
  const [kind, setKind] = useState<SelectorKind>('phone');
  const [value, setValue] = useState('');
  const [country, setCountry] = useState('');
  const [entityId, setEntityId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [priority, setPriority] = useState<Target['priority']>('medium');
  const errors = fieldErrors(add.error);
  return (
    <FormCard
      titleId="add-target-title"
      title={t('operations.targets.add')}
      submitLabel={t('operations.targets.submit')}
      pending={add.isPending}
      error={add.error}
      fieldErrors={errors}
      onSubmit={() =>
        add.mutate(
          {
            priority,
            ...(label.trim() ? { label: label.trim() } : {}),
            ...(mode === 'entity'
              ? { entityId: entityId ?? '' }
              : {
                  selector: {
                    kind,
                    value,
                    ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
                  },
                }),
          },
          {
            onSuccess: () => {
              setValue('');
              setEntityId(null);
              setLabel('');
            },
          },
        )
      }
    >
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'selector' | 'entity')}
        data={[
          { value: 'selector', label: t('operations.targets.fromSelector') },
          { value: 'entity', label: t('operations.targets.fromEntity') },
        ]}
      />
      {mode === 'selector' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <SelectorInputs kind={kind} onKind={setKind} value={value} onValue={setValue} error={errors.selector} />
          <TextInput
            label={t('operations.targets.country')}
            description={t('operations.targets.countryHelp')}
            value={country}
            maxLength={2}
            onChange={(e) => setCountry(e.currentTarget.value)}
          />
        </SimpleGrid>
      ) : (
        <EntityPicker
          label={t('operations.targets.entity')}
          description={t('operations.targets.entityHelp')}
          value={entityId}
          onChange={setEntityId}
          error={errors.entityId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('operations.targets.label')}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <Select
          label={t('operations.targets.priority')}
          data={TARGET_PRIORITIES.map((p) => ({ value: p, label: t(`operations.priorities.${p}`) }))}
          value={priority}
          allowDeselect={false}
          onChange={(v) => v && setPriority(v as Target['priority'])}
        />
      </SimpleGrid>
    </FormCard>
  );
}
