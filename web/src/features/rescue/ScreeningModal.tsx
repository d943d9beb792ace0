import { type RescuePerson, TRAFFICKING_INDICATORS, type TraffickingIndicator } from '@cordon/contracts';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useScreen } from './api/rescueApi.ts';

/** Victim screening of one person: the indicators found and notes. */
export function ScreeningModal({ person, onClose }: { person: RescuePerson; onClose: () => void }) {
  const { t } = useTranslation();
  const screen = useScreen();
  const [found, setFound] = useState<string[]>(person.screening?.indicators ?? []);
  const [notes, setNotes] = useState(person.screening?.notes ?? '');
  return (
    <Modal opened onClose={onClose} title={t('rescue.screening.title', { name: person.name })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          screen.mutate(
            { personId: person.id, indicators: found as TraffickingIndicator[], notes },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Checkbox.Group label={t('rescue.screening.indicators')} value={found} onChange={setFound}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {TRAFFICKING_INDICATORS.map((i) => (
                <Checkbox key={i} value={i} label={t(`rescue.indicator.${i}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('rescue.screening.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ProblemAlert error={screen.error} />
          <Group>
            <Button type="submit" loading={screen.isPending} data-testid="save-screening">
              {t('rescue.screening.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
