import { Alert, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { useFormat } from '../../components/format.ts';
import { RouterButton } from '../../components/links.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { caseQuery } from './api/rescueApi.ts';
import { BatchPlanner } from './BatchPlanner.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseLocation } from './CaseLocation.tsx';
import { CasePersons } from './CasePersons.tsx';
import { CaseTeam } from './CaseTeam.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { Countdown, RESCUE_WRITERS, RiskBadge, StageBadge, useServerNow } from './shared.tsx';

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const q = useQuery(caseQuery(caseId));
  const now = useServerNow(q.data?.now);
  if (q.error) return <ProblemAlert error={q.error} />;
  const c = q.data;
  if (!c) return null;
  const canWrite = hasAnyRole(me, ...RESCUE_WRITERS);
  const registers = canWrite && c.myParties.some((p) => p === 'host-police' || p === 'ngo-shelter');
  // Batches: the host police or a consulate, once someone has been screened.
  const plansBatches =
    canWrite &&
    c.myParties.some((p) => p === 'host-police' || p === 'consulate') &&
    c.visiblePersons.some((p) => p.status !== 'registered');
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={1}>{c.ref}</Title>
          <StageBadge stage={c.stage} />
          <RiskBadge risk={c.riskLevel} />
        </Group>
        {c.title ? <Text>{c.title}</Text> : null}
        <Group gap="md">
          <Countdown deadline={c.deadlineAt} now={now} breached={c.breached} />
          <Text size="sm" c="dimmed">
            {t('rescue.case.hostCountry', { country: fmt.country(c.hostCountry) })}
          </Text>
        </Group>
      </Stack>
      {c.breached ? (
        <Alert color="red" variant="filled" title={t('rescue.case.breachedTitle')} data-testid="escalation-alert">
          {t('rescue.case.breached')}
        </Alert>
      ) : null}
      <Group gap="xs">
        {registers ? (
          <RouterButton to="/rescue/cases/$caseId/register" params={{ caseId: c.id }} variant="light" size="sm">
            {t('rescue.register.title')}
          </RouterButton>
        ) : null}
        <RouterButton to="/rescue/dashboard" search={{ caseId: c.id }} variant="subtle" size="sm">
          {t('rescue.nav.dashboard')}
        </RouterButton>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <CaseActions c={c} canWrite={canWrite} />
            <CasePersons c={c} canWrite={canWrite} />
            {plansBatches ? <BatchPlanner c={c} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <CaseLocation c={c} />
            <CaseTeam c={c} />
            <CaseTimeline c={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
