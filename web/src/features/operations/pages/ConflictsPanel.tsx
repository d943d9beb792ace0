import type { Conflict } from '@cordon/contracts';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { conflictsQuery, useAcknowledge, useResolve } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';

const COLOURS: Record<Conflict['status'], string> = { open: 'red.9', acknowledged: 'orange.5', resolved: 'green.9' };

/** Deconfliction alerts of my agency (for one operation, or all): acknowledge, then record the resolution. */
export function ConflictsPanel({ operationId }: { operationId?: string }) {
  const { t } = useTranslation();
  const conflicts = useQuery(conflictsQuery(operationId));
  return (
    <Stack gap="sm" data-testid="conflicts">
      <Text size="sm">{t('operations.conflicts.intro')}</Text>
      <ProblemAlert error={conflicts.error} />
      {conflicts.data?.length === 0 ? <Text c="dimmed">{t('operations.conflicts.empty')}</Text> : null}
      {conflicts.data?.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
    </Stack>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { write } = useOpsPermissions();
  const ack = useAcknowledge();
  const resolve = useResolve();
  const [resolution, setResolution] = useState('');
  return (
    <Card withBorder data-testid="conflict">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {c.matchLabel}
          </Text>
          <Badge color={COLOURS[c.status]} autoContrast>
            {t(`operations.conflicts.status.${c.status}`)}
          </Badge>
        </Group>
        <Alert color={c.status === 'resolved' ? 'green' : 'red'} variant="light">
          {t('operations.conflicts.other', {
            agency: c.other.agencyName,
            country: fmt.country(c.other.country),
            contact: c.other.contactPoint,
          })}
        </Alert>
        <Text size="sm">
          {t('operations.conflicts.acks', {
            mine: c.mine.acknowledgedAt ? t('common.yes') : t('common.no'),
            other: c.other.acknowledged ? t('common.yes') : t('common.no'),
          })}
          {' · '}
          {fmt.dateTime(c.createdAt)}
        </Text>
        {c.resolution ? <Text size="sm">{t('operations.conflicts.resolution', { text: c.resolution })}</Text> : null}
        <ProblemAlert error={ack.error ?? resolve.error} />
        {write && !c.mine.acknowledgedAt ? (
          <Group>
            <Button size="xs" onClick={() => ack.mutate(c.id)} loading={ack.isPending}>
              {t('operations.conflicts.acknowledge')}
            </Button>
          </Group>
        ) : null}
        {write && c.status === 'acknowledged' ? (
          <Group align="flex-end">
            <Textarea
              label={t('operations.conflicts.resolutionLabel')}
              value={resolution}
              onChange={(e) => setResolution(e.currentTarget.value)}
              style={{ flex: 1 }}
              autosize
            />
            <Button
              size="xs"
              onClick={() => resolve.mutate({ conflictId: c.id, resolution })}
              loading={resolve.isPending}
            >
              {t('operations.conflicts.resolve')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
