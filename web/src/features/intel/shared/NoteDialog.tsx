import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';

/**
 * A decision with an optional note: a title, an explanation, the note, and one action button.
 * `onSubmit` gets the note and a callback that closes the dialog once the server agreed.
 */
export function NoteDialog({
  opened,
  title,
  intro,
  action,
  colour,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  title: string;
  intro: string;
  action: string;
  colour?: string | undefined;
  pending: boolean;
  error: unknown;
  onSubmit: (note: string, done: () => void) => void;
  /** Also resets the caller's mutation. */
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    onClose();
  };
  return (
    <Modal {...modalProps} opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(note, close);
        }}
      >
        <Stack>
          <Text size="sm">{intro}</Text>
          <Textarea
            label={t('intel.hits.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={colour} loading={pending}>
              {action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
