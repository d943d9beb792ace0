import { RESCUE_STAGES, type RescueCaseSummary } from '@cordon/contracts';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { RouterAnchor, RouterButton } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { boardQuery } from './api/rescueApi.ts';
import { Countdown, RISK_COLOURS, RiskBadge, useServerNow } from './shared.tsx';

function CaseCard({ c, now }: { c: RescueCaseSummary; now: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="case-card"
      style={{ borderLeft: `4px solid var(--mantine-color-${RISK_COLOURS[c.riskLevel]}-6)` }}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <RouterAnchor to="/rescue/cases/$caseId" params={{ caseId: c.id }} fw={600}>
            {c.ref}
          </RouterAnchor>
          <RiskBadge risk={c.riskLevel} />
        </Group>
        {c.title ? <Text size="sm">{c.title}</Text> : null}
        <Text size="xs" c="dimmed">
          {t('rescue.board.persons', { count: c.persons })} · {fmt.country(c.hostCountry)}
          {c.nationalities.length > 0
            ? ` · ${c.nationalities.slice(0, 6).join(' ')}${c.nationalities.length > 6 ? ' …' : ''}`
            : ''}
        </Text>
        <Group gap="xs">
          <Countdown deadline={c.deadlineAt} now={now} breached={c.breached} />
          {c.breached ? (
            <Badge color="red" variant="filled" size="sm" data-testid="breached">
              {t('rescue.escalated')}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** Open cases by stage, the most urgent first, with countdowns and risk colours. */
export function BoardPage() {
  const { t } = useTranslation();
  const board = useQuery(boardQuery);
  const now = useServerNow(board.data?.now);
  const open = (board.data?.cases ?? []).filter(
    (c) => (RESCUE_STAGES as readonly string[]).includes(c.stage) && c.stage !== 'closed',
  );
  const closed = (board.data?.cases ?? []).length - open.length;
  const stages = RESCUE_STAGES.filter((s) => s !== 'closed');
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('rescue.board.title')}
        intro={t('rescue.board.intro')}
        action={
          <RouterButton to="/rescue/new" data-testid="new-case">
            {t('rescue.nav.new')}
          </RouterButton>
        }
      />
      <ProblemAlert error={board.error} />
      {board.data && open.length === 0 ? <Text c="dimmed">{t('rescue.board.empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {stages.map((stage) => {
          const cases = open.filter((c) => c.stage === stage);
          if (cases.length === 0) return null;
          return (
            <Stack key={stage} gap="xs" data-testid={`column-${stage}`}>
              <Title order={2} size="h4">
                {t(`rescue.stage.${stage}`)}{' '}
                <Text span c="dimmed" size="sm">
                  ({cases.length})
                </Text>
              </Title>
              {cases.map((c) => (
                <CaseCard key={c.id} c={c} now={now} />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
      {closed > 0 ? (
        <Text size="sm" c="dimmed">
          {t('rescue.board.closed', { count: closed })}
        </Text>
      ) : null}
    </Stack>
  );
}
