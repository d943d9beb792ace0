import type { Alert } from '@cordon/contracts';
import { Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterButton } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { alertsQuery, useMarkRead } from '../api/alertsApi.ts';
import { Loading } from '../shared/Loading.tsx';
import { Pager } from '../shared/Pager.tsx';
import { alertTarget } from './alertTarget.ts';
import { useAlertText } from './useAlertText.ts';

const PAGE = 25;
const KIND_COLOUR: Record<Alert['kind'], string> = { hit: 'red', watch: 'blue', disclosure: 'grape' };

function AlertRow({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const markRead = useMarkRead();
  const text = useAlertText();
  const unread = alert.readAt === null;
  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      data-testid="alert"
      data-unread={unread}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-red-filled)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={KIND_COLOUR[alert.kind]}>
            {t(`intel.alertKinds.${alert.kind}`)}
          </Badge>
          {unread ? (
            <Badge variant="filled" color="red" size="sm">
              {t('intel.inbox.new')}
            </Badge>
          ) : null}
          <Text size="xs" c="dimmed">
            <time dateTime={alert.createdAt}>{fmt.dateTime(alert.createdAt)}</time>
          </Text>
        </Group>
        <Text size="sm" fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
          {text(alert)}
        </Text>
        <Group gap="xs">
          <RouterButton
            size="xs"
            variant="light"
            {...alertTarget(alert)}
            onClick={() => (unread ? markRead.mutate([alert.id]) : undefined)}
          >
            {t('intel.inbox.open')}
          </RouterButton>
          {unread ? (
            <Button size="xs" variant="subtle" loading={markRead.isPending} onClick={() => markRead.mutate([alert.id])}>
              {t('intel.inbox.markRead')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function AlertsList() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const alerts = useQuery(alertsQuery({ unread: unreadOnly, limit: PAGE, offset: (page - 1) * PAGE }));
  const markAll = useMarkRead();
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Switch
          label={t('intel.inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.currentTarget.checked);
            setPage(1);
          }}
        />
        <Button variant="default" size="xs" loading={markAll.isPending} onClick={() => markAll.mutate('all')}>
          {t('intel.inbox.markAllRead')}
        </Button>
      </Group>
      <ProblemAlert error={alerts.error ?? markAll.error} />
      {alerts.isPending ? <Loading /> : null}
      {alerts.data?.length === 0 ? <Text c="dimmed">{t('intel.inbox.empty')}</Text> : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('intel.inbox.alerts')}>
        {alerts.data?.map((a) => (
          <AlertRow key={a.id} alert={a} />
        ))}
      </Stack>
      <Pager page={page} hasNext={(alerts.data?.length ?? 0) === PAGE} onPage={setPage} />
    </Stack>
  );
}
