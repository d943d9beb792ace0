import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModalProps } from '../../../components/useModalProps.ts';
import { useRequestDisclosure } from '../api/hitsApi.ts';

const MIN_REASON = 5;

/** Asks the holder of a record behind a hit to disclose it, with the reason they will read. */
export function DisclosureDialog({
  hitId,
  holder,
  opened,
  onClose,
}: {
  hitId: string;
  holder: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const modalProps = useModalProps();
  const request = useRequestDisclosure();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const close = () => {
    setReason('');
    setTooShort(false);
    request.reset();
    onClose();
  };
  return (
    <Modal {...modalProps} opened={opened} onClose={close} title={t('intel.hits.requestTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < MIN_REASON) return setTooShort(true);
          request.mutate({ hitId, reason }, { onSuccess: close });
        }}
      >
        <Stack>
          <Text size="sm">{t('intel.hits.requestIntro', { holder })}</Text>
          <Textarea
            label={t('intel.hits.reason')}
            description={t('intel.hits.reasonHint')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setTooShort(false);
            }}
            error={tooShort ? t('intel.hits.reasonShort', { count: MIN_REASON }) : fieldErrors(request.error).reason}
            data-autofocus
          />
          <ProblemAlert error={request.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending}>
              {t('intel.hits.sendRequest')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
