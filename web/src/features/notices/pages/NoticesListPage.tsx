import { NOTICE_STATUSES, NOTICE_TYPES, type NoticeStatus, type NoticeType } from '@cordon/contracts';
import { Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { noticesQuery, reviewQueueQuery } from '../api/noticesApi.ts';
import { NoticesTable } from '../NoticesTable.tsx';

/** The inbox: notices I may see (published to all members, my agency's own), searchable and filtered. */
export function NoticesListPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const list = useQuery(
    noticesQuery({
      ...(type ? { type: type as NoticeType } : {}),
      ...(status ? { status: status as NoticeStatus } : {}),
      ...(debounced.trim() ? { q: debounced.trim() } : {}),
      ...(mine ? { mine: true } : {}),
    }),
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t('notices.list.title')} intro={t('notices.list.intro')} />
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('notices.list.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} miw={220} />
        <Select
          label={t('notices.fields.type')}
          clearable
          data={NOTICE_TYPES.map((x) => ({ value: x, label: t(`notices.types.${x}`) }))}
          value={type}
          onChange={setType}
          miw={150}
        />
        <Select
          label={t('common.status')}
          clearable
          data={NOTICE_STATUSES.map((x) => ({ value: x, label: t(`notices.statuses.${x}`) }))}
          value={status}
          onChange={setStatus}
          miw={150}
        />
        <Checkbox
          label={t('notices.list.mine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ProblemAlert error={list.error} />
      {list.data ? <NoticesTable notices={list.data} label={t('notices.list.title')} /> : null}
    </Stack>
  );
}

/** The hub's review queue: submitted notices, oldest first. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useQuery(reviewQueueQuery);
  return (
    <Stack gap="lg">
      <PageHeader title={t('notices.review.title')} intro={t('notices.review.intro')} />
      <ProblemAlert error={queue.error} />
      {queue.data ? <NoticesTable notices={queue.data} label={t('notices.review.title')} /> : null}
    </Stack>
  );
}
