import type { Campaign } from '@cordon/contracts';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useModalProps } from '../../components/useModalProps.ts';
import { campaignsQuery, reachQuery, useDeleteCampaign, useEndCampaign } from './api/awarenessApi.ts';
import { CampaignForm, NewCampaignForm } from './NewCampaignForm.tsx';

const STATUS_COLOR = { scheduled: 'blue', active: 'green', ended: 'gray' } as const;

/**
 * Edit while the campaign has not ended; end it early (the portal stops showing it, its reach
 * stays); delete only a campaign nothing was counted for (a mistake or an unused draft).
 */
function CampaignActions({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const end = useEndCampaign();
  const remove = useDeleteCampaign();
  const [open, setOpen] = useState<'edit' | 'end' | 'delete' | null>(null);
  const counted = Object.values(campaign.totals).some((n) => n > 0);
  const close = () => {
    setOpen(null);
    end.reset();
    remove.reset();
  };
  if (campaign.status === 'ended' && counted) return null;
  return (
    <Group gap="xs">
      {campaign.status !== 'ended' && (
        <>
          <Button size="xs" variant="default" onClick={() => setOpen('edit')}>
            {t('awareness.edit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen('end')}>
            {t('awareness.endNow')}
          </Button>
        </>
      )}
      {!counted && (
        <Button size="xs" variant="default" color="red" onClick={() => setOpen('delete')}>
          {t('awareness.delete')}
        </Button>
      )}
      {open === 'edit' && (
        <Modal
          {...modalProps}
          opened
          onClose={close}
          title={t('awareness.editTitle', { name: campaign.name })}
          size="xl"
        >
          <CampaignForm key={campaign.id} campaign={campaign} onDone={close} />
        </Modal>
      )}
      <ConfirmModal
        opened={open === 'end'}
        title={t('awareness.endTitle', { name: campaign.name })}
        message={t('awareness.endMessage')}
        confirmLabel={t('awareness.endNow')}
        pending={end.isPending}
        error={end.error}
        onConfirm={() => end.mutate(campaign.id, { onSuccess: close })}
        onClose={close}
      />
      <ConfirmModal
        opened={open === 'delete'}
        title={t('awareness.deleteTitle', { name: campaign.name })}
        message={t('awareness.deleteMessage')}
        confirmLabel={t('awareness.delete')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(campaign.id, { onSuccess: close })}
        onClose={close}
      />
    </Group>
  );
}

const KINDS = ['view', 'click', 'check', 'report'] as const;

/** Reach over time: one row per day (all countries), from the aggregate counters. */
function Reach({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const q = useQuery(reachQuery(campaign.id));
  const days = new Map<string, Record<string, number>>();
  for (const r of q.data ?? []) {
    const row = days.get(r.day) ?? {};
    row[r.kind] = (row[r.kind] ?? 0) + r.count;
    days.set(r.day, row);
  }
  if (days.size === 0) return <Text size="sm">{t('awareness.noReach')}</Text>;
  return (
    <ScrollTable label={`${t('awareness.reachOf')} ${campaign.name}`} minWidth={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('awareness.day')}</Table.Th>
            {KINDS.map((k) => (
              <Table.Th key={k}>{t(`awareness.reach.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...days.entries()].map(([day, row]) => (
            <Table.Tr key={day}>
              <Table.Td>{day}</Table.Td>
              {KINDS.map((k) => (
                <Table.Td key={k}>{row[k] ?? 0}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const q = useQuery(campaignsQuery);
  return (
    <Stack gap="md">
      <PageHeader title={t('awareness.campaignsTitle')} intro={t('awareness.campaignsIntro')} />
      {q.error && <ProblemAlert error={q.error} />}
      <NewCampaignForm />
      {q.data?.length === 0 && <Text>{t('awareness.noCampaigns')}</Text>}
      {q.data?.map((c) => (
        <Card key={c.id} withBorder padding="md">
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Title order={2} size="h4">
                {c.name}
              </Title>
              <Badge color={STATUS_COLOR[c.status]} variant="light">
                {t(`awareness.campaignStatus.${c.status}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {c.startsOn} → {c.endsOn}
              {c.endedAt ? ` (${t('awareness.endedOn', { day: c.endedAt.slice(0, 10) })})` : ''} ·{' '}
              {c.targetCountries.join(', ')} · {Object.keys(c.messages).join(', ')}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('awareness.link')}: /?c={c.code}
          </Text>
          <Text size="sm" mb="xs">
            {KINDS.map((k) => `${t(`awareness.reach.${k}`)}: ${c.totals[k]}`).join(' · ')}
          </Text>
          <Reach campaign={c} />
          <Group mt="sm">
            <CampaignActions campaign={c} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
