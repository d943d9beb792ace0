import type { RescueCase, RescuePerson } from '@cordon/contracts';
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { useFormat } from '../../components/format.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useDraftYellowNotice } from './api/rescueApi.ts';
import { ScreeningModal } from './ScreeningModal.tsx';

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
      loading={draft.isPending}
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

/** Screening badges and the button that records a screening. */
function ScreeningCell({ p, canScreen, onScreen }: { p: RescuePerson; canScreen: boolean; onScreen: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {p.screening ? <Badge variant="light">{t(`rescue.determination.${p.screening.determination}`)}</Badge> : null}
      {p.screening?.nonPunishment ? (
        <Badge color="violet" variant="filled" data-testid="non-punishment">
          {t('rescue.nonPunishmentFlag')}
        </Badge>
      ) : null}
      {canScreen ? <ScreenButton p={p} onScreen={onScreen} /> : null}
    </Group>
  );
}

function ScreenButton({ p, onScreen }: { p: RescuePerson; onScreen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-xs" variant="subtle" onClick={onScreen} data-testid="screen-person">
      {p.screening ? t('rescue.screening.redo') : t('rescue.screening.do')}
    </Button>
  );
}

function Matches({ p }: { p: RescuePerson }) {
  const { t } = useTranslation();
  return (
    <>
      {p.matches.map((m) => (
        <Badge key={m.caseId} color="grape" variant="light" title={t('rescue.person.matchTitle', { score: m.score })}>
          {m.caseRef} · {m.verdict}
        </Badge>
      ))}
    </>
  );
}

function NameCell({ p }: { p: RescuePerson }) {
  const { t } = useTranslation();
  return (
    <>
      {p.name}
      {p.minor ? (
        <Badge ml={6} size="xs" color="orange">
          {t('rescue.person.minor')}
        </Badge>
      ) : null}
    </>
  );
}

/**
 * The persons of the case the viewer's party may see, with screening and matches: a table on
 * wide screens (the actions, screening and Yellow Notice, under the name in the first column), one card per person
 * on a phone: every action is in reach without sideways scrolling.
 */
export function CasePersons({ c, canWrite }: { c: RescueCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [screening, setScreening] = useState<RescuePerson | null>(null);
  const canDraftNotice = hasAnyRole(me, ...YELLOW_DRAFTERS);
  const canScreen = canWrite && ['rescued', 'screened', 'sheltered', 'repatriation-arranged'].includes(c.stage);
  const shown = c.visiblePersons.slice(0, 300);
  const born = (p: RescuePerson) => p.dateOfBirth ?? (p.age !== null ? t('rescue.person.age', { age: p.age }) : '—');
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
        {shown.length > 0 && wide ? (
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
                      <NameCell p={p} />
                      {/* The actions in the first column: in reach however narrow the table's frame. */}
                      {canScreen || canDraftNotice ? (
                        <Group gap={4} wrap="wrap">
                          {canScreen ? <ScreenButton p={p} onScreen={() => setScreening(p)} /> : null}
                          {canDraftNotice ? <YellowNoticeButton c={c} person={p} /> : null}
                        </Group>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{fmt.country(p.nationality)}</Table.Td>
                    <Table.Td>{born(p)}</Table.Td>
                    <Table.Td>{t(`rescue.status.${p.status}`)}</Table.Td>
                    <Table.Td>
                      <ScreeningCell p={p} canScreen={false} onScreen={() => setScreening(p)} />
                    </Table.Td>
                    <Table.Td>
                      <Matches p={p} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        {shown.length > 0 && !wide ? (
          <Stack gap="xs" role="list" aria-label={t('rescue.case.personsTable')}>
            {shown.map((p) => (
              <Card key={p.id} withBorder padding="sm" role="listitem" data-testid="person-card">
                <Stack gap={6}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    <NameCell p={p} />
                  </Text>
                  <Text size="sm" c="dimmed">
                    {fmt.country(p.nationality)} · {t('rescue.personCard.born')} {born(p)} ·{' '}
                    {t(`rescue.status.${p.status}`)}
                  </Text>
                  {p.matches.length > 0 ? (
                    <Group gap={4}>
                      <Matches p={p} />
                    </Group>
                  ) : null}
                  <Group gap="xs" role="group" aria-label={t('rescue.personCard.actions', { name: p.name })}>
                    <ScreeningCell p={p} canScreen={canScreen} onScreen={() => setScreening(p)} />
                    {canDraftNotice ? <YellowNoticeButton c={c} person={p} /> : null}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
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
