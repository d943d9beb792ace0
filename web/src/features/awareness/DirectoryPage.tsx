import { type ConsoleDirectoryEntry, DIRECTORY_KINDS, type DirectoryEntryChanges } from '@cordon/contracts';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useMe } from '../../app/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useModalProps } from '../../components/useModalProps.ts';
import {
  directoryQuery,
  useAddDirectoryEntry,
  useRemoveDirectoryEntry,
  useUpdateDirectoryEntry,
} from './api/awarenessApi.ts';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Add (no `entry`) or edit an entry; the country is fixed once added (remove and add again to move it). */
function EntryForm({
  entry,
  country,
  countryEditable,
  onDone,
}: {
  entry?: ConsoleDirectoryEntry;
  country: string;
  countryEditable: boolean;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddDirectoryEntry();
  const update = useUpdateDirectoryEntry();
  const mutation = entry ? update : add;
  const [v, setV] = useState({
    country: entry?.country ?? country,
    kind: entry?.kind ?? 'hotline',
    name: entry?.name ?? '',
    phone: entry?.phone ?? '',
    url: entry?.url ?? '',
    languages: entry?.languages.join(', ') ?? '',
    notes: entry?.notes ?? '',
  });
  // Read the value now: React clears the event's currentTarget before a state updater runs.
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((o) => ({ ...o, [k]: value }));
  };
  const errors = fieldErrors(mutation.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    const kind = v.kind as ConsoleDirectoryEntry['kind'];
    if (entry) {
      const changes: DirectoryEntryChanges = {
        kind,
        name: v.name.trim(),
        phone: v.phone.trim() || null,
        url: v.url.trim() || null,
        languages: list(v.languages),
        notes: v.notes.trim(),
      };
      update.mutate({ id: entry.id, changes }, { onSuccess: () => onDone?.() });
    } else {
      add.mutate(
        {
          country: v.country.trim().toUpperCase(),
          kind,
          name: v.name.trim(),
          ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.url.trim() ? { url: v.url.trim() } : {}),
          languages: list(v.languages),
          ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
        },
        {
          onSuccess: () => {
            setV((o) => ({ ...o, name: '', phone: '', url: '', languages: '', notes: '' }));
            onDone?.();
          },
        },
      );
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('awareness.directory.country')}
            value={v.country}
            onChange={set('country')}
            required
            maxLength={2}
            readOnly={!!entry || !countryEditable}
            variant={entry || !countryEditable ? 'filled' : 'default'}
            error={errors.country}
          />
          <NativeSelect
            label={t('awareness.directory.kind')}
            value={v.kind}
            onChange={set('kind')}
            data={DIRECTORY_KINDS.map((k) => ({ value: k, label: t(`awareness.directory.kinds.${k}`) }))}
          />
          <TextInput
            label={t('awareness.directory.name')}
            value={v.name}
            onChange={set('name')}
            required
            error={errors.name}
          />
          <TextInput
            label={t('awareness.directory.phone')}
            value={v.phone}
            onChange={set('phone')}
            error={errors.phone}
            inputMode="tel"
          />
          <TextInput
            label={t('awareness.directory.url')}
            description={t('awareness.directory.urlHint')}
            value={v.url}
            onChange={set('url')}
            error={errors.url}
          />
          <TextInput
            label={t('awareness.directory.languages')}
            value={v.languages}
            onChange={set('languages')}
            error={errors.languages}
          />
        </SimpleGrid>
        <TextInput
          label={t('awareness.directory.notes')}
          value={v.notes}
          onChange={set('notes')}
          error={errors.notes}
        />
        {mutation.error ? <ProblemAlert error={mutation.error} /> : null}
        {!entry && add.isSuccess ? <div role="status">{t('awareness.directory.added')}</div> : null}
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {entry ? t('awareness.save') : t('awareness.directory.add')}
        </Button>
      </Stack>
    </form>
  );
}

function EntryCard({ entry }: { entry: ConsoleDirectoryEntry }) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const remove = useRemoveDirectoryEntry();
  const [open, setOpen] = useState<'edit' | 'remove' | null>(null);
  const close = () => {
    setOpen(null);
    remove.reset();
  };
  return (
    <Card withBorder padding="sm" data-entry={entry.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {entry.name}
          </Title>
          <Badge variant="light">{t(`awareness.directory.kinds.${entry.kind}`)}</Badge>
          {entry.demo && (
            <Badge variant="light" color="gray">
              {t('awareness.directory.demo')}
            </Badge>
          )}
        </Group>
        {entry.editable ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpen('edit')}>
              {t('awareness.edit')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => setOpen('remove')}>
              {t('awareness.directory.remove')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('awareness.directory.otherAgency')}
          </Text>
        )}
      </Group>
      <Text size="sm">{[entry.phone, entry.url, entry.languages.join(', ')].filter(Boolean).join(' · ')}</Text>
      {entry.notes ? <Text size="sm">{entry.notes}</Text> : null}
      {open === 'edit' && (
        <Modal
          {...modalProps}
          opened
          onClose={close}
          title={t('awareness.directory.editTitle', { name: entry.name })}
          size="lg"
        >
          <EntryForm entry={entry} country={entry.country} countryEditable={false} onDone={close} />
        </Modal>
      )}
      <ConfirmModal
        opened={open === 'remove'}
        title={t('awareness.directory.removeTitle', { name: entry.name })}
        message={t('awareness.directory.removeMessage')}
        confirmLabel={t('awareness.directory.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(entry.id, { onSuccess: close })}
        onClose={close}
      />
    </Card>
  );
}

/** The support directory the portal shows: each agency maintains the entries of its country; the hub any. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isHub = me.user.roles.includes('hub-admin');
  const [country, setCountry] = useState(me.agency.country);
  const q = useQuery(directoryQuery(/^[A-Z]{2}$/.test(country) ? country : me.agency.country));
  return (
    <Stack gap="md">
      <PageHeader title={t('awareness.directory.title')} intro={t('awareness.directory.intro')} />
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('awareness.directory.new')}
        </Title>
        <EntryForm country={me.agency.country} countryEditable={isHub} />
      </Card>
      <TextInput
        label={t('awareness.directory.showCountry')}
        value={country}
        onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
        maxLength={2}
        w={200}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {q.data?.length === 0 && <Text>{t('awareness.directory.none')}</Text>}
      <Stack gap="xs">
        {q.data?.map((e) => (
          <EntryCard key={e.id} entry={e} />
        ))}
      </Stack>
    </Stack>
  );
}
