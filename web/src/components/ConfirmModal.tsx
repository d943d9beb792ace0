import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert.tsx';
import { useModalProps } from './useModalProps.ts';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A yes/no question before a destructive action (revoke, reset). */
export function ConfirmModal({ opened, title, message, confirmLabel, pending, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  return (
    <Modal {...modalProps} opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{message}</Text>
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
