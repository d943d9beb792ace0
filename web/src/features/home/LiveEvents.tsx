import { Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';
import { type StreamState, useLiveEvents } from './useLiveEvents.ts';

const STATE_COLOUR: Record<StreamState, string> = { connecting: 'gray', live: 'green', reconnecting: 'orange' };

function summary(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

export function LiveEvents() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { events, state } = useLiveEvents(20);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="live-events-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="live-events-title">
          {t('live.title')}
        </Title>
        <Badge color={STATE_COLOUR[state]} variant="dot" data-testid="live-state">
          {t(`live.${state}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('live.lastN', { count: 20 })}
      </Text>
      <Stack gap={6} role="log" aria-live="polite" aria-labelledby="live-events-title" data-testid="live-events">
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('live.empty')}
          </Text>
        ) : (
          events.map((ev) => (
            <Group key={ev.id} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
                <time dateTime={ev.occurredAt}>{fmt.time(ev.occurredAt)}</time>
              </Text>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Code>{ev.topic}</Code>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {summary(ev.data)}
                </Text>
              </Stack>
            </Group>
          ))
        )}
      </Stack>
    </Card>
  );
}
