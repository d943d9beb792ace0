import {
  type NextStep,
  type RescueCase,
  type RescuePerson,
  type RescueTransition,
  RISK_LEVELS,
  TRAFFICKING_INDICATORS,
  type TraffickingIndicator,
} from '@cordon/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { useFormat } from '../../components/format.ts';
import { RouterButton } from '../../components/links.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { caseQuery, useDraftYellowNotice, useHandoff, useScreen, useTransition } from './api/rescueApi.ts';
import { CaseMap } from './CaseMap.tsx';
import { Countdown, RESCUE_WRITERS, RiskBadge, StageBadge, useServerNow } from './shared.tsx';

type Fields = Record<string, string | number | boolean>;

/** The form of one step: only the fields that step asks for. */
function StepForm({ c, step, onDone }: { c: RescueCase; step: NextStep; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useTransition(c.id);
  const [f, setF] = useState<Fields>({});
  const errs = fieldErrors(move.error);
  const set = (k: string, v: string | number | boolean) => setF((s) => ({ ...s, [k]: v }));
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const team = c.team.map((m) => ({ value: m.agencyId, label: `${m.agencyName} (${t(`rescue.party.${m.party}`)})` }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { to: step.to };
    for (const k of [
      'note',
      'reason',
      'verificationSource',
      'plannedFor',
      'rescuedAt',
      'plannedTravelDate',
      'travelDate',
      'shelterAgencyId',
      'receivingAgencyId',
      'duplicateOfCaseId',
      'riskLevel',
    ])
      if (text(k).trim()) body[k] = text(k).trim();
    if (f.travelDocumentsReady) body.travelDocumentsReady = true;
    if (step.fields.includes('location')) {
      const loc: Record<string, unknown> = {};
      if (f.lat !== undefined && f.lat !== '') loc.lat = Number(f.lat);
      if (f.lon !== undefined && f.lon !== '') loc.lon = Number(f.lon);
      if (text('area').trim()) loc.area = text('area').trim();
      if (f.confidence !== undefined && f.confidence !== '') loc.confidence = Number(f.confidence) / 100;
      if (Object.keys(loc).length > 0) body.location = loc;
    }
    move.mutate(body as RescueTransition, { onSuccess: onDone });
  };
  const date = (k: string) => (
    <TextInput
      key={k}
      type="date"
      label={t(`rescue.field.${k}` as 'rescue.field.note')}
      required
      value={text(k)}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={errs[k]}
    />
  );
  return (
    <form onSubmit={submit} noValidate data-testid="step-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rescue.case.requires', { what: step.requires })}
        </Text>
        {step.fields.map((k) => {
          switch (k) {
            case 'riskLevel':
              return (
                <Select
                  key={k}
                  label={t('rescue.field.riskLevel')}
                  required
                  data={RISK_LEVELS.map((r) => ({ value: r, label: t(`rescue.risk.${r}`) }))}
                  value={text(k) || null}
                  onChange={(v) => set(k, v ?? '')}
                  error={errs[k]}
                />
              );
            case 'location':
              return (
                <SimpleGrid key={k} cols={{ base: 2, sm: 4 }}>
                  <NumberInput
                    label={t('rescue.field.lat')}
                    min={-90}
                    max={90}
                    decimalScale={5}
                    value={f.lat as number | undefined}
                    onChange={(v) => set('lat', v)}
                    error={errs.location}
                  />
                  <NumberInput
                    label={t('rescue.field.lon')}
                    min={-180}
                    max={180}
                    decimalScale={5}
                    value={f.lon as number | undefined}
                    onChange={(v) => set('lon', v)}
                  />
                  <TextInput
                    label={t('rescue.new.area')}
                    value={text('area')}
                    onChange={(e) => set('area', e.currentTarget.value)}
                  />
                  <NumberInput
                    label={t('rescue.new.confidence')}
                    required
                    min={0}
                    max={100}
                    suffix=" %"
                    value={f.confidence as number | undefined}
                    onChange={(v) => set('confidence', v)}
                  />
                </SimpleGrid>
              );
            case 'plannedFor':
            case 'rescuedAt':
            case 'plannedTravelDate':
            case 'travelDate':
              return date(k);
            case 'shelterAgencyId':
            case 'receivingAgencyId':
              return (
                <Select
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required
                  data={team}
                  value={text(k) || null}
                  onChange={(v) => set(k, v ?? '')}
                  error={errs[k]}
                />
              );
            case 'travelDocumentsReady':
              return (
                <Checkbox
                  key={k}
                  label={t('rescue.field.travelDocumentsReady')}
                  checked={Boolean(f[k])}
                  onChange={(e) => set(k, e.currentTarget.checked)}
                  error={errs[k]}
                />
              );
            case 'verificationSource':
            case 'duplicateOfCaseId':
              return (
                <TextInput
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required
                  value={text(k)}
                  onChange={(e) => set(k, e.currentTarget.value)}
                  error={errs[k]}
                />
              );
            default:
              return (
                <Textarea
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required={k === 'reason' || step.to === 'closed'}
                  value={text(k)}
                  onChange={(e) => set(k, e.currentTarget.value)}
                  error={errs[k]}
                  autosize
                  minRows={2}
                />
              );
          }
        })}
        <ProblemAlert error={move.error} />
        <Group>
          <Button type="submit" loading={move.isPending} data-testid="confirm-step">
            {t('rescue.case.confirmStep', { stage: t(`rescue.stage.${step.to}`) })}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Actions({ c, canWrite }: { c: RescueCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>(null);
  const allowed = c.nextSteps.filter((s) => s.allowed);
  const others = c.nextSteps.filter((s) => !s.allowed);
  const step = c.nextSteps.find((s) => s.to === active);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('rescue.case.actions')}
        </Title>
        {c.nextSteps.length === 0 ? <Text c="dimmed">{t('rescue.case.noSteps')}</Text> : null}
        {canWrite && allowed.length > 0 ? (
          <Group gap="xs">
            {allowed.map((s) => (
              <Button
                key={s.to}
                size="sm"
                variant={active === s.to ? 'filled' : 'light'}
                color={s.to === 'deceased' || s.to === 'unfounded' ? 'gray' : undefined}
                onClick={() => setActive(s.to)}
                data-testid={`step-${s.to}`}
              >
                {t(`rescue.stage.${s.to}`)}
              </Button>
            ))}
          </Group>
        ) : null}
        {step ? <StepForm key={step.to} c={c} step={step} onDone={() => setActive(null)} /> : null}
        {others.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('rescue.case.notYours')}
            </Text>
            {others.map((s) => (
              <Text key={s.to} size="xs" c="dimmed">
                {t(`rescue.stage.${s.to}`)}: {s.reason}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function ScreeningModal({ person, onClose }: { person: RescuePerson; onClose: () => void }) {
  const { t } = useTranslation();
  const screen = useScreen();
  const [found, setFound] = useState<string[]>(person.screening?.indicators ?? []);
  const [notes, setNotes] = useState(person.screening?.notes ?? '');
  return (
    <Modal opened onClose={onClose} title={t('rescue.screening.title', { name: person.name })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          screen.mutate(
            { personId: person.id, indicators: found as TraffickingIndicator[], notes },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Checkbox.Group label={t('rescue.screening.indicators')} value={found} onChange={setFound}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {TRAFFICKING_INDICATORS.map((i) => (
                <Checkbox key={i} value={i} label={t(`rescue.indicator.${i}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('rescue.screening.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ProblemAlert error={screen.error} />
          <Group>
            <Button type="submit" loading={screen.isPending} data-testid="save-screening">
              {t('rescue.screening.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Police of the team who may also draft notices: a person becomes a draft Yellow Notice. */
const YELLOW_DRAFTERS = ['investigator', 'supervisor'] as const;

function YellowNoticeButton({ c, person }: { c: RescueCase; person: RescuePerson }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftYellowNotice(c.id);
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="yellow.9"
      loading={draft.isPending}
      aria-label={t('rescue.person.yellowNoticeLabel', { name: person.name })}
      data-testid="yellow-notice"
      onClick={() =>
        draft.mutate(person.id, {
          onSuccess: ({ noticeId }) => void navigate({ to: '/notices/$noticeId', params: { noticeId } }),
        })
      }
    >
      {t('rescue.person.yellowNotice')}
    </Button>
  );
}

function Persons({ c, canWrite }: { c: RescueCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const [screening, setScreening] = useState<RescuePerson | null>(null);
  const canDraftNotice = hasAnyRole(me, ...YELLOW_DRAFTERS);
  const canScreen = canWrite && ['rescued', 'screened', 'sheltered', 'repatriation-arranged'].includes(c.stage);
  const shown = c.visiblePersons.slice(0, 300);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('rescue.case.persons', { shown: c.visiblePersons.length, total: c.persons })}
          </Title>
          {c.nonPunishment > 0 ? (
            <Badge color="violet" variant="filled" data-testid="non-punishment-count">
              {t('rescue.case.nonPunishment', { count: c.nonPunishment })}
            </Badge>
          ) : null}
        </Group>
        {c.visiblePersons.length < c.persons ? (
          <Text size="sm" c="dimmed">
            {t('rescue.case.othersHidden')}
          </Text>
        ) : null}
        {shown.length > 0 ? (
          <ScrollTable label={t('rescue.case.personsTable')} minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rescue.person.name')}</Table.Th>
                  <Table.Th>{t('rescue.person.nationality')}</Table.Th>
                  <Table.Th>{t('rescue.person.dateOfBirth')}</Table.Th>
                  <Table.Th>{t('rescue.person.status')}</Table.Th>
                  <Table.Th>{t('rescue.person.screening')}</Table.Th>
                  <Table.Th>{t('rescue.person.matches')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((p) => (
                  <Table.Tr key={p.id} data-testid="person-row">
                    <Table.Td>
                      {p.name}
                      {p.minor ? (
                        <Badge ml={6} size="xs" color="orange">
                          {t('rescue.person.minor')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{fmt.country(p.nationality)}</Table.Td>
                    <Table.Td>
                      {p.dateOfBirth ?? (p.age !== null ? t('rescue.person.age', { age: p.age }) : '—')}
                    </Table.Td>
                    <Table.Td>{t(`rescue.status.${p.status}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.screening ? (
                          <Badge variant="light">{t(`rescue.determination.${p.screening.determination}`)}</Badge>
                        ) : null}
                        {p.screening?.nonPunishment ? (
                          <Badge color="violet" variant="filled" data-testid="non-punishment">
                            {t('rescue.nonPunishmentFlag')}
                          </Badge>
                        ) : null}
                        {canScreen ? (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setScreening(p)}
                            data-testid="screen-person"
                          >
                            {p.screening ? t('rescue.screening.redo') : t('rescue.screening.do')}
                          </Button>
                        ) : null}
                        {canDraftNotice ? <YellowNoticeButton c={c} person={p} /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {p.matches.map((m) => (
                        <Badge
                          key={m.caseId}
                          color="grape"
                          variant="light"
                          title={t('rescue.person.matchTitle', { score: m.score })}
                        >
                          {m.caseRef} · {m.verdict}
                        </Badge>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        {c.visiblePersons.length > shown.length ? (
          <Text size="sm" c="dimmed">
            {t('rescue.case.more', { count: c.visiblePersons.length - shown.length })}
          </Text>
        ) : null}
      </Stack>
      {screening ? <ScreeningModal person={screening} onClose={() => setScreening(null)} /> : null}
    </Card>
  );
}

function Team({ c }: { c: RescueCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const handoff = useHandoff(c.id);
  const mine = c.responsibleAgencyId === me.agency.id || c.leadAgencyId === me.agency.id;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('rescue.case.team')}
        </Title>
        {c.team.map((m) => (
          <Group key={`${m.agencyId}-${m.party}`} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">
              {m.agencyName}{' '}
              <Text span c="dimmed" size="xs">
                · {t(`rescue.party.${m.party}`)}
              </Text>
              {m.agencyId === c.responsibleAgencyId ? (
                <Badge ml={6} size="xs">
                  {t('rescue.case.responsible')}
                </Badge>
              ) : null}
            </Text>
            {mine && m.agencyId !== c.responsibleAgencyId && hasAnyRole(me, ...RESCUE_WRITERS) ? (
              <Button
                size="compact-xs"
                variant="subtle"
                style={{ flexShrink: 0 }}
                loading={handoff.isPending && handoff.variables === m.agencyId}
                onClick={() => handoff.mutate(m.agencyId)}
              >
                {t('rescue.case.handoff')}
              </Button>
            ) : null}
          </Group>
        ))}
        <ProblemAlert error={handoff.error} />
      </Stack>
    </Card>
  );
}

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
            <Actions c={c} canWrite={canWrite} />
            <Persons c={c} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('rescue.case.location')}
                </Title>
                {c.location?.lat != null && c.location?.lon != null ? (
                  <CaseMap
                    lat={c.location.lat}
                    lon={c.location.lon}
                    label={t('rescue.case.mapLabel', { area: c.location.area || c.ref })}
                  />
                ) : null}
                {c.location ? (
                  <Text size="sm">
                    {[c.location.scamCentre?.label, c.location.area, c.location.description]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                    {c.location.confidence !== null
                      ? ` (${t('rescue.new.confidence')}: ${Math.round(c.location.confidence * 100)} %)`
                      : ''}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('rescue.case.noLocation')}
                  </Text>
                )}
              </Stack>
            </Card>
            <Team c={c} />
            <Card withBorder padding="md">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('rescue.case.timeline')}
                </Title>
                <Timeline bulletSize={12} lineWidth={2} data-testid="timeline">
                  {c.timeline.slice(0, 50).map((e) => (
                    <Timeline.Item
                      key={e.id}
                      color={e.kind === 'escalation' ? 'red' : 'blue'}
                      title={
                        <Text size="sm" fw={600}>
                          {t(`rescue.event.${e.kind}`, { defaultValue: e.kind })}
                        </Text>
                      }
                    >
                      <Text size="sm">{e.summary}</Text>
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(e.at)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
