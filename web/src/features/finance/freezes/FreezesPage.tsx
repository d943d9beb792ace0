import type { Freeze, FreezeState } from '@cordon/contracts';
import { Alert, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../../app/liveEvents.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { financeKeys, freezesQuery, useEditDraft, useMoveFreeze } from '../api/financeApi.ts';
import { useFinancePermissions } from '../roles.ts';

/** What the target agency may do next, by state (the server enforces the same machine). */
type Action = 'acknowledged' | 'declined' | 'frozen' | 'seized' | 'released' | 'forfeited' | 'returned';
const TARGET_NEXT: Partial<Record<FreezeState, Action[]>> = {
  sent: ['acknowledged', 'declined'],
  acknowledged: ['frozen', 'declined'],
  frozen: ['seized', 'released'],
  seized: ['forfeited'],
  forfeited: ['returned'],
};
const COLOR: Record<FreezeState, string> = {
  draft: 'gray.8',
  sent: 'grape.9',
  acknowledged: 'yellow.4',
  frozen: 'blue.8',
  declined: 'gray.8',
  expired: 'red.9',
  released: 'gray.8',
  seized: 'indigo.8',
  forfeited: 'violet.8',
  returned: 'teal.9',
};

function useNow(ms: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** Counts down to the deadline; warns in the last hour. */
function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Date.parse(deadline) - now;
  if (left <= 0)
    return (
      <Badge autoContrast color="red.9">
        {t('finance.freeze.overdue')}
      </Badge>
    );
  const h = Math.floor(left / 3_600_000);
  const m = Math.floor((left % 3_600_000) / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  const text = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return (
    <Badge
      autoContrast
      color="red.9"
      variant={left < 3_600_000 ? 'filled' : 'outline'}
      aria-label={t('finance.freeze.timeLeft', { time: text })}
    >
      {text}
    </Badge>
  );
}

/** The freeze board: requests this agency sent and received, live, with deadlines counting down. */
export function FreezesPage() {
  const { t } = useTranslation();
  const { me, write } = useFinancePermissions();
  const list = useQuery(freezesQuery);
  const move = useMoveFreeze();
  const qc = useQueryClient();
  const [live, setLive] = useState<string | null>(null);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const edit = useEditDraft();
  const [drafts, setDrafts] = useState<Record<string, { amount: string; legalBasis: string }>>({});

  useEffect(
    () =>
      subscribeLiveEvents((e) => {
        if (!e.topic.startsWith('finance.freeze.')) return;
        qc.invalidateQueries({ queryKey: financeKeys.all });
        const state = e.topic.slice('finance.freeze.'.length);
        setLive(
          t('finance.freeze.liveChange', {
            state: t(`finance.states.${state}`, { defaultValue: state }),
            caseRef: String(e.data.caseRef ?? ''),
          }),
        );
      }),
    [qc, t],
  );

  const card = (f: Freeze) => {
    const mine = f.requesterAgencyId === me.agency.id;
    const draft = mine && write && f.state === 'draft';
    const d = drafts[f.id] ?? { amount: f.amount, legalBasis: f.legalBasis };
    const next = !mine && write ? (TARGET_NEXT[f.state] ?? []) : [];
    return (
      <Card key={f.id} withBorder padding="sm" data-testid="freeze-card" data-state={f.state}>
        <Group justify="space-between" wrap="nowrap">
          <Badge autoContrast color={COLOR[f.state]}>
            {t(`finance.states.${f.state}`)}
          </Badge>
          {f.deadlineAt && (f.state === 'sent' || f.state === 'acknowledged') ? (
            <Countdown deadline={f.deadlineAt} />
          ) : null}
        </Group>
        <Text fw={600} mt="xs">
          {f.amount} {f.currency}
          {f.frozenAmount ? ` · ${t('finance.freeze.frozenAmount', { amount: f.frozenAmount })}` : ''}
        </Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {f.account.display}
        </Code>
        <Text size="sm" c="dimmed" mt={4}>
          {mine
            ? t(f.state === 'draft' ? 'finance.freeze.ownDraft' : 'finance.freeze.outgoing')
            : t('finance.freeze.incoming')}{' '}
          · {f.caseRef} · {t('finance.freeze.traced', { amount: f.tracedAmount })}
        </Text>
        {f.overrideReason ? (
          <Text size="sm" c="orange.9">
            {t('finance.freeze.overrideShown', { reason: f.overrideReason })}
          </Text>
        ) : null}
        <Text size="sm" mt={4}>
          {f.legalBasis}
        </Text>
        {draft ? (
          <Stack gap={6} mt="xs" data-testid="freeze-draft-form">
            <TextInput
              size="xs"
              label={t('finance.freeze.amount', { currency: f.currency })}
              value={d.amount}
              onChange={(e) => setDrafts({ ...drafts, [f.id]: { ...d, amount: e.currentTarget.value } })}
            />
            <Textarea
              size="xs"
              label={t('finance.freeze.legalBasis')}
              value={d.legalBasis}
              onChange={(e) => setDrafts({ ...drafts, [f.id]: { ...d, legalBasis: e.currentTarget.value } })}
            />
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                loading={edit.isPending && edit.variables?.id === f.id}
                onClick={() => edit.mutate({ id: f.id, amount: d.amount, legalBasis: d.legalBasis })}
                data-testid="freeze-save-changes"
              >
                {t('finance.freeze.saveChanges')}
              </Button>
              <Button
                size="xs"
                color="red.9"
                loading={move.isPending && move.variables?.id === f.id}
                onClick={() => move.mutate({ id: f.id, to: 'sent' })}
                data-testid="freeze-send-draft"
              >
                {t('finance.freeze.sendNow')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {next.includes('frozen') ? (
          <TextInput
            size="xs"
            mt="xs"
            label={t('finance.freeze.partial')}
            placeholder={f.amount}
            value={amounts[f.id] ?? ''}
            onChange={(e) => setAmounts({ ...amounts, [f.id]: e.currentTarget.value })}
          />
        ) : null}
        {next.length > 0 ? (
          <Group gap="xs" mt="xs">
            {next.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'declined' || to === 'released' ? 'default' : 'filled'}
                loading={move.isPending && move.variables?.id === f.id && move.variables.to === to}
                onClick={() =>
                  move.mutate({ id: f.id, to, ...(to === 'frozen' && amounts[f.id] ? { amount: amounts[f.id] } : {}) })
                }
                data-testid={`freeze-${to}`}
              >
                {t(`finance.actions.${to}`)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Card>
    );
  };

  const active = (list.data ?? []).filter((f) => ['draft', 'sent', 'acknowledged'].includes(f.state));
  const rest = (list.data ?? []).filter((f) => !['draft', 'sent', 'acknowledged'].includes(f.state));
  return (
    <Stack gap="lg">
      <PageHeader title={t('finance.freeze.title')} intro={t('finance.freeze.intro')} />
      {live ? (
        <Alert
          color="blue"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setLive(null)}
          data-testid="freeze-live"
          role="status"
        >
          {live}
        </Alert>
      ) : null}
      <ProblemAlert error={list.error ?? move.error ?? edit.error} />
      {list.data?.length === 0 ? <Text c="dimmed">{t('finance.freeze.empty')}</Text> : null}
      {active.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="freeze-board-active">
          {active.map(card)}
        </SimpleGrid>
      ) : null}
      {rest.length > 0 ? <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{rest.map(card)}</SimpleGrid> : null}
    </Stack>
  );
}
