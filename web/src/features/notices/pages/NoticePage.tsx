import type { NoticeWithHistory, ReviewChecklist } from '@cordon/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor, RouterButton } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { noticeQuery, useCancelNotice, useReviewNotice, useSubmitNotice } from '../api/noticesApi.ts';
import { detailErrors, detailKey, NOTICE_FIELDS } from '../fields.ts';
import { NoticeStatusBadge, TypeBadge } from '../NoticeBadges.tsx';
import { useNoticePermissions } from '../roles.ts';

/** One notice: its details, the actions open to the viewer (submit, review, cancel) and its history. */
export function NoticePage({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const perms = useNoticePermissions();
  const q = useQuery(noticeQuery(noticeId));
  const submit = useSubmitNotice(noticeId);
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return null;
  const n = q.data;
  const mine = n.ownerAgencyId === perms.me.agency.id;
  const editable = mine && perms.write && (n.status === 'draft' || n.status === 'returned');
  const submitErrors = detailErrors(submit.error);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="xs">
          <TypeBadge type={n.type} />
          <NoticeStatusBadge status={n.status} />
          <Text size="sm">{t('notices.page.revision', { n: n.revision })}</Text>
        </Group>
        <Title order={1} data-testid="notice-title">
          {n.title}
        </Title>
        <Text size="sm">
          {t('notices.page.requestedBy', { agency: n.ownerAgencyName })}
          {n.publishedAt ? ` · ${t('notices.page.publishedAt', { at: fmt.dateTime(n.publishedAt) })}` : ''}
          {n.expiresAt ? ` · ${t('notices.page.expiresAt', { at: fmt.dateTime(n.expiresAt) })}` : ''}
        </Text>
      </Stack>
      {n.returnReasons && n.status === 'returned' ? (
        <Alert color="orange" title={t('notices.page.returned')}>
          {n.returnReasons}
        </Alert>
      ) : null}
      {n.summary ? <Text style={{ whiteSpace: 'pre-wrap' }}>{n.summary}</Text> : null}
      <Details notice={n} />
      {n.entityIds.length > 0 || n.selectorKeys.length > 0 ? (
        <Stack gap={4} data-testid="notice-links">
          <Text fw={600} size="sm">
            {t('notices.fields.links')}
          </Text>
          <Group gap="xs">
            {n.entityIds.map((id) => (
              <RouterAnchor key={id} to="/intel/entities/$entityId" params={{ entityId: id }} size="sm">
                {t('notices.page.entity', { id: id.slice(0, 8) })}
              </RouterAnchor>
            ))}
            {n.selectorKeys.map((k) => (
              <Code key={k}>{k}</Code>
            ))}
          </Group>
        </Stack>
      ) : null}
      {n.publicExtract ? (
        <Card withBorder>
          <Text fw={600} size="sm">
            {t('notices.fields.publicExtract')}
          </Text>
          <Text size="sm">{n.publicExtract}</Text>
        </Card>
      ) : null}
      {editable ? (
        <Stack gap="xs">
          <ProblemAlert error={submit.error} />
          {Object.keys(submitErrors).length > 0 ? (
            <Stack component="ul" gap={2} data-testid="submit-errors">
              {Object.entries(submitErrors).map(([f, m]) => (
                <Text component="li" size="sm" key={f}>
                  {t(`notices.details.${detailKey(f)}`, { defaultValue: f })}: {m}
                </Text>
              ))}
            </Stack>
          ) : null}
          <Group>
            <RouterButton to="/notices/$noticeId/edit" params={{ noticeId: n.id }} variant="default">
              {t('notices.page.edit')}
            </RouterButton>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('notices.page.submit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {perms.review && n.status === 'submitted' ? <ReviewForm notice={n} /> : null}
      {(mine && perms.write) || perms.review ? <CancelForm notice={n} /> : null}
      <History notice={n} />
    </Stack>
  );
}

function Details({ notice }: { notice: NoticeWithHistory }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [];
  const order = NOTICE_FIELDS[notice.type].map((f) => f.name);
  const entries = Object.entries(notice.details).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  for (const [k, v] of entries) {
    if (k === 'subject' && v && typeof v === 'object') {
      for (const [sk, sv] of Object.entries(v))
        rows.push([`subject.${sk}`, Array.isArray(sv) ? sv.join(', ') : String(sv)]);
    } else if (typeof v === 'boolean') rows.push([k, v ? t('common.yes') : t('common.no')]);
    else rows.push([k, Array.isArray(v) ? v.join(', ') : String(v)]);
  }
  if (rows.length === 0) return null;
  return (
    <Table withTableBorder variant="vertical" layout="fixed" data-testid="notice-details">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={{ base: 120, sm: 220 }} scope="row">
              {t(`notices.details.${detailKey(k)}`, { defaultValue: k })}
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const CHECKS: (keyof ReviewChecklist)[] = [
  'requiredFieldsComplete',
  'dataQuality',
  'noPoliticalMilitaryReligiousRacial',
];

function ReviewForm({ notice }: { notice: NoticeWithHistory }) {
  const { t } = useTranslation();
  const review = useReviewNotice(notice.id);
  const [checks, setChecks] = useState<ReviewChecklist>({
    requiredFieldsComplete: false,
    dataQuality: false,
    noPoliticalMilitaryReligiousRacial: false,
  });
  const [reasons, setReasons] = useState('');
  const errors = detailErrors(review.error);
  return (
    <Card withBorder component="section" aria-labelledby="review-title" data-testid="review-form">
      <Stack gap="sm">
        <Title id="review-title" order={2} size="h4">
          {t('notices.review.checklist')}
        </Title>
        <ProblemAlert error={review.error} />
        {CHECKS.map((c) => (
          <Checkbox
            key={c}
            label={t(`notices.review.checks.${c}`)}
            checked={checks[c]}
            error={errors[`checklist.${c}`]}
            onChange={(e) => {
              review.reset();
              setChecks({ ...checks, [c]: e.currentTarget.checked });
            }}
          />
        ))}
        <Textarea
          label={t('notices.review.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          error={errors.reasons}
          autosize
        />
        <Group>
          <Button
            onClick={() =>
              review.mutate({ decision: 'publish', checklist: checks, ...(reasons.trim() ? { reasons } : {}) })
            }
            loading={review.isPending}
          >
            {t('notices.review.publish')}
          </Button>
          <Button variant="default" onClick={() => review.mutate({ decision: 'return', checklist: checks, reasons })}>
            {t('notices.review.return')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CancelForm({ notice }: { notice: NoticeWithHistory }) {
  const { t } = useTranslation();
  const cancel = useCancelNotice(notice.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (notice.status === 'cancelled' || notice.status === 'expired') return null;
  if (!open)
    return (
      <Group>
        <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
          {t('notices.page.cancel')}
        </Button>
      </Group>
    );
  return (
    <Group align="flex-end">
      <TextInput
        label={t('notices.page.cancelReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={detailErrors(cancel.error).reason}
        style={{ flex: 1 }}
      />
      <Button color="red" onClick={() => cancel.mutate(reason)} loading={cancel.isPending}>
        {t('notices.page.cancelConfirm')}
      </Button>
    </Group>
  );
}

function History({ notice }: { notice: NoticeWithHistory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('notices.page.history')}
      </Title>
      <Timeline active={notice.history.length} bulletSize={14} lineWidth={2}>
        {notice.history.map((h) => (
          <Timeline.Item
            key={`${h.at}-${h.action}`}
            title={t(`notices.actions.${h.action}`, { defaultValue: h.action })}
          >
            <Text size="xs">
              {fmt.dateTime(h.at)} · {t('notices.page.revision', { n: h.revision })}
            </Text>
            {h.reasons ? <Text size="sm">{h.reasons}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
