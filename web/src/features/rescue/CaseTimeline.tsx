import type { RescueCase } from '@cordon/contracts';
import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';

/** What happened on the case (the first 50 entries of its timeline). */
export function CaseTimeline({ c }: { c: RescueCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
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
  );
}
