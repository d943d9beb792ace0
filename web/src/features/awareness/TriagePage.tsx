import type { TriageItem } from '@cordon/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLiveEvents } from '../../app/liveEvents.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { triageQuery, useDecide } from './api/awarenessApi.ts';

type Details = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function ItemCard({ item }: { item: TriageItem }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [note, setNote] = useState('');
  const [hostCountry, setHostCountry] = useState('');
  const host = hostCountry.trim().toUpperCase();
  const d = item.details as Details;
  const selectors = Array.isArray(d.selectors)
    ? (d.selectors as { kind: string; value: string; key: string | null }[])
    : [];
  const amounts = Array.isArray(d.amountsLost) ? (d.amountsLost as { amount: string; currency: string }[]) : [];
  return (
    <Card withBorder padding="md" data-testid="triage-item" data-reference={item.reference}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {item.reference}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={item.kind === 'scam' ? 'orange' : 'grape'}>
            {t(`awareness.kind.${item.kind}`)}
          </Badge>
          <Badge variant="outline">{item.country}</Badge>
          {item.duplicates > 0 && <Badge color="gray">{t('awareness.duplicates', { count: item.duplicates })}</Badge>}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {new Date(item.createdAt).toLocaleString()} · {t('awareness.language')}: {item.lang}
      </Text>
      {item.kind === 'scam' ? (
        <Stack gap={4} mt="xs">
          <Text size="sm">
            {t('awareness.channel')}: {str(d.channel)} · {t('awareness.scamType')}: {str(d.scamType)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{str(d.whatHappened)}</Text>
          {selectors.length > 0 && (
            <List size="sm">
              {selectors.map((s) => (
                <List.Item key={`${s.kind}:${s.value}`}>
                  {s.kind}: {s.value} {s.key ? '' : `(${t('awareness.unrecognised')})`}
                </List.Item>
              ))}
            </List>
          )}
          {amounts.length > 0 && (
            <Text size="sm">
              {t('awareness.amountsLost')}: {amounts.map((a) => `${a.amount} ${a.currency}`).join(', ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Stack gap={4} mt="xs">
          <Text>
            {str(d.relativeName)}
            {d.relativeAge ? `, ${str(d.relativeAge)}` : ''} — {str(d.lastKnownPlace)}
          </Text>
          {d.lastContactOn ? (
            <Text size="sm">
              {t('awareness.lastContact')}: {str(d.lastContactOn)}
            </Text>
          ) : null}
          {d.relation ? (
            <Text size="sm">
              {t('awareness.relation')}: {str(d.relation)}
            </Text>
          ) : null}
          <Text style={{ whiteSpace: 'pre-wrap' }}>{str(d.circumstances)}</Text>
          {item.status === 'new' ? (
            <Text size="sm" c="dimmed">
              {t('awareness.rescueNote')}
            </Text>
          ) : null}
        </Stack>
      )}
      {item.contact && (
        <Text size="sm" mt="xs">
          {t('awareness.contact')}: {item.contact}
        </Text>
      )}
      {item.additions.map((a) => (
        <Alert key={a.at} variant="light" color="blue" mt="xs" title={t('awareness.addition')}>
          {a.text}
        </Alert>
      ))}
      {item.status === 'new' ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('awareness.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
          />
          {item.kind === 'missing-relative' ? (
            <TextInput
              label={t('awareness.hostCountry')}
              description={t('awareness.hostCountryHint')}
              value={hostCountry}
              onChange={(e) => setHostCountry(e.currentTarget.value)}
              maxLength={2}
              w={{ base: '100%', sm: 320 }}
            />
          ) : null}
          <Group gap="xs">
            <Button
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              onClick={() =>
                decide.mutate({
                  id: item.id,
                  decision: 'verify',
                  ...(note ? { note } : {}),
                  ...(item.kind === 'missing-relative' && host ? { hostCountry: host } : {}),
                })
              }
              loading={decide.isPending}
            >
              {item.kind === 'scam' ? t('awareness.verifyToIntel') : t('awareness.verify')}
            </Button>
            <Button
              variant="outline"
              color="red"
              onClick={() => decide.mutate({ id: item.id, decision: 'reject', ...(note ? { note } : {}) })}
              loading={decide.isPending}
            >
              {t('awareness.reject')}
            </Button>
          </Group>
          {decide.error && <ProblemAlert error={decide.error} />}
        </Stack>
      ) : (
        <Text size="sm" mt="xs">
          {t(`awareness.status.${item.status}`)}
          {item.decisionNote ? ` — ${item.decisionNote}` : ''}
          {item.intelReportId ? (
            <>
              {' · '}
              <a href={`/console/intel/reports/${item.intelReportId}`}>{t('awareness.openIntel')}</a>
            </>
          ) : null}
          {item.rescueCaseId ? (
            <>
              {' · '}
              <a href={`/console/rescue/cases/${item.rescueCaseId}`} data-testid="rescue-case-link">
                {t('awareness.openRescue')}
              </a>
            </>
          ) : null}
        </Text>
      )}
    </Card>
  );
}

/** The agency's queue of public reports (scams, missing relatives): verify or reject. */
export function TriagePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('new');
  const q = useQuery(triageQuery(status));
  const queryClient = useQueryClient();
  // New public reports and reporters' additions arrive live: the queue refreshes itself.
  useEffect(
    () =>
      subscribeLiveEvents((e) => {
        if (e.topic.startsWith('awareness.triage.'))
          void queryClient.invalidateQueries({ queryKey: ['awareness', 'triage'] });
      }),
    [queryClient],
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('awareness.triageTitle')} intro={t('awareness.triageIntro')} />
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={(['new', 'verified', 'rejected'] as const).map((s) => ({ value: s, label: t(`awareness.status.${s}`) }))}
        aria-label={t('awareness.statusFilter')}
        style={{ alignSelf: 'flex-start' }}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {q.data?.length === 0 && <Text>{t('awareness.empty')}</Text>}
      {q.data?.map((item) => (
        <ItemCard key={item.id} item={item} />
      ))}
    </Stack>
  );
}
