import { RESCUE_PARTIES, type RescueCase, type RescueParty } from '@cordon/contracts';
import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useAgencyNames } from '../intel/shared/useAgencyNames.ts';
import { useAddTeamMember, useHandoff } from './api/rescueApi.ts';
import { RESCUE_WRITERS } from './shared.tsx';

/** The case team, and hand-offs of responsibility within it. */
export function CaseTeam({ c }: { c: RescueCase }) {
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
        {hasAnyRole(me, ...RESCUE_WRITERS) &&
        c.myParties.some((p) => p === 'host-police' || p === 'home-police' || p === 'hub') ? (
          <AddTeamMember c={c} />
        ) : null}
      </Stack>
    </Card>
  );
}

/** Host police, home police and the hub add an agency to the team (its party follows from its kind unless chosen). */
function AddTeamMember({ c }: { c: RescueCase }) {
  const { t } = useTranslation();
  const { agencies } = useAgencyNames();
  const add = useAddTeamMember(c.id);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [party, setParty] = useState<string | null>(null);
  const onTeam = new Set(c.team.map((m) => m.agencyId));
  const errs = fieldErrors(add.error);
  return (
    <form
      data-testid="add-team-member"
      onSubmit={(e) => {
        e.preventDefault();
        if (!agencyId) return;
        add.mutate(
          { agencyId, ...(party ? { party: party as RescueParty } : {}) },
          {
            onSuccess: () => {
              setAgencyId(null);
              setParty(null);
            },
          },
        );
      }}
    >
      <Stack gap="xs" pt="xs">
        <Text size="sm" fw={600}>
          {t('rescue.team.add')}
        </Text>
        <Select
          label={t('rescue.team.agency')}
          placeholder={t('rescue.team.agencySearch')}
          searchable
          clearable
          value={agencyId}
          onChange={setAgencyId}
          data={agencies
            .filter((a) => !onTeam.has(a.id))
            .map((a) => ({ value: a.id, label: `${a.name} (${a.country})` }))}
          error={errs.agencyId}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('rescue.team.party')}
          placeholder={t('rescue.team.partyAuto')}
          clearable
          value={party}
          onChange={setParty}
          data={RESCUE_PARTIES.map((p) => ({ value: p, label: t(`rescue.party.${p}`) }))}
          error={errs.party}
        />
        <Group>
          <Button type="submit" size="compact-sm" disabled={!agencyId} loading={add.isPending} data-testid="add-agency">
            {t('rescue.team.submit')}
          </Button>
        </Group>
        <ProblemAlert error={add.error} />
      </Stack>
    </form>
  );
}
