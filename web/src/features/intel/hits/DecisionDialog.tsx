import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { useDecideHit } from '../api/hitsApi.ts';

/** Confirms or rejects a fuzzy hit (same person, same scam centre?), with an optional note. */
export function DecisionDialog({
  hitId,
  decision,
  onClose,
}: {
  hitId: string;
  decision: 'confirm' | 'reject' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const decide = useDecideHit();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    decide.reset();
    onClose();
  };
  return (
    <Modal
      {...modalProps}
      opened={decision !== null}
      onClose={close}
      title={decision === 'reject' ? t('intel.hits.rejectTitle') : t('intel.hits.confirmTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (decision) decide.mutate({ id: hitId, decision, note }, { onSuccess: close });
        }}
      >
        <Stack>
          <Text size="sm">{decision === 'reject' ? t('intel.hits.rejectIntro') : t('intel.hits.confirmIntro')}</Text>
          <Textarea
            label={t('intel.hits.note')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <ProblemAlert error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={decision === 'reject' ? 'red' : undefined} loading={decide.isPending}>
              {decision === 'reject' ? t('intel.hits.reject') : t('intel.hits.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
