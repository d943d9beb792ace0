import type { RescueCase } from '@cordon/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepForm } from './StepForm.tsx';

/** The protocol steps the viewer may take now, and why the others are not theirs. */
export function CaseActions({ c, canWrite }: { c: RescueCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>(null);
  const allowed = c.nextSteps.filter((s) => s.allowed);
  const others = c.nextSteps.filter((s) => !s.allowed);
  const step = c.nextSteps.find((s) => s.to === active);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('rescue.case.actions')}
        </Title>
        {c.nextSteps.length === 0 ? <Text c="dimmed">{t('rescue.case.noSteps')}</Text> : null}
        {canWrite && allowed.length > 0 ? (
          <Group gap="xs">
            {allowed.map((s) => (
              <Button
                key={s.to}
                size="sm"
                variant={active === s.to ? 'filled' : 'light'}
                color={s.to === 'deceased' || s.to === 'unfounded' ? 'gray' : undefined}
                onClick={() => setActive(s.to)}
                data-testid={`step-${s.to}`}
              >
                {t(`rescue.stage.${s.to}`)}
              </Button>
            ))}
          </Group>
        ) : null}
        {step ? <StepForm key={step.to} c={c} step={step} onDone={() => setActive(null)} /> : null}
        {others.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('rescue.case.notYours')}
            </Text>
            {others.map((s) => (
              <Text key={s.to} size="xs" c="dimmed">
                {t(`rescue.stage.${s.to}`)}: {s.reason}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
