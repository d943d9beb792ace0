import type { RescueCase } from '@cordon/contracts';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useHandoff } from './api/rescueApi.ts';
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
      </Stack>
    </Card>
  );
}
