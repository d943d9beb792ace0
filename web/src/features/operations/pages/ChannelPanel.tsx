import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { messagesQuery, usePost } from '../api/operationsApi.ts';
import { useOpsPermissions } from '../roles.ts';

/** The participants' channel: every read and post is in the audit chain. */
export function ChannelPanel({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { write } = useOpsPermissions();
  const messages = useQuery(messagesQuery(operationId));
  const post = usePost(operationId);
  const [body, setBody] = useState('');
  return (
    <Stack gap="sm">
      <Text size="sm">{t('operations.channel.intro')}</Text>
      <ProblemAlert error={messages.error ?? post.error} />
      <Stack
        gap="xs"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('operations.tabs.channel')}
      >
        {messages.data?.map((m) => (
          <Card key={m.id} withBorder padding="sm" component="li">
            <Text size="xs" fw={600}>
              {m.agencyName} · {fmt.dateTime(m.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.body}
            </Text>
          </Card>
        ))}
      </Stack>
      {messages.data?.length === 0 ? <Text c="dimmed">{t('operations.channel.empty')}</Text> : null}
      {write ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) post.mutate(body.trim(), { onSuccess: () => setBody('') });
          }}
        >
          <Group align="flex-end">
            <Textarea
              label={t('operations.channel.message')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              style={{ flex: 1 }}
              autosize
              minRows={2}
            />
            <Button type="submit" loading={post.isPending}>
              {t('operations.channel.send')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
