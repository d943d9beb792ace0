import { type NextStep, type RescueCase, type RescueTransition, RISK_LEVELS } from '@cordon/contracts';
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useTransition } from './api/rescueApi.ts';

type Fields = Record<string, string | number | boolean>;

/** The form of one step: only the fields that step asks for. */
export function StepForm({ c, step, onDone }: { c: RescueCase; step: NextStep; onDone: () => void }) {
  const { t } = useTranslation();
  const move = useTransition(c.id);
  const [f, setF] = useState<Fields>({});
  const errs = fieldErrors(move.error);
  const set = (k: string, v: string | number | boolean) => setF((s) => ({ ...s, [k]: v }));
  const text = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const team = c.team.map((m) => ({ value: m.agencyId, label: `${m.agencyName} (${t(`rescue.party.${m.party}`)})` }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { to: step.to };
    for (const k of [
      'note',
      'reason',
      'verificationSource',
      'plannedFor',
      'rescuedAt',
      'plannedTravelDate',
      'travelDate',
      'shelterAgencyId',
      'receivingAgencyId',
      'duplicateOfCaseId',
      'riskLevel',
    ])
      if (text(k).trim()) body[k] = text(k).trim();
    if (f.travelDocumentsReady) body.travelDocumentsReady = true;
    if (step.fields.includes('location')) {
      const loc: Record<string, unknown> = {};
      if (f.lat !== undefined && f.lat !== '') loc.lat = Number(f.lat);
      if (f.lon !== undefined && f.lon !== '') loc.lon = Number(f.lon);
      if (text('area').trim()) loc.area = text('area').trim();
      if (f.confidence !== undefined && f.confidence !== '') loc.confidence = Number(f.confidence) / 100;
      if (Object.keys(loc).length > 0) body.location = loc;
    }
    move.mutate(body as RescueTransition, { onSuccess: onDone });
  };
  const date = (k: string) => (
    <TextInput
      key={k}
      type="date"
      label={t(`rescue.field.${k}` as 'rescue.field.note')}
      required
      value={text(k)}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={errs[k]}
    />
  );
  return (
    <form onSubmit={submit} noValidate data-testid="step-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rescue.case.requires', { what: step.requires })}
        </Text>
        {step.fields.map((k) => {
          switch (k) {
            case 'riskLevel':
              return (
                <Select
                  key={k}
                  label={t('rescue.field.riskLevel')}
                  required
                  data={RISK_LEVELS.map((r) => ({ value: r, label: t(`rescue.risk.${r}`) }))}
                  value={text(k) || null}
                  onChange={(v) => set(k, v ?? '')}
                  error={errs[k]}
                />
              );
            case 'location':
              return (
                <SimpleGrid key={k} cols={{ base: 2, sm: 4 }}>
                  <NumberInput
                    label={t('rescue.field.lat')}
                    min={-90}
                    max={90}
                    decimalScale={5}
                    value={f.lat as number | undefined}
                    onChange={(v) => set('lat', v)}
                    error={errs.location}
                  />
                  <NumberInput
                    label={t('rescue.field.lon')}
                    min={-180}
                    max={180}
                    decimalScale={5}
                    value={f.lon as number | undefined}
                    onChange={(v) => set('lon', v)}
                  />
                  <TextInput
                    label={t('rescue.new.area')}
                    value={text('area')}
                    onChange={(e) => set('area', e.currentTarget.value)}
                  />
                  <NumberInput
                    label={t('rescue.new.confidence')}
                    required
                    min={0}
                    max={100}
                    suffix=" %"
                    value={f.confidence as number | undefined}
                    onChange={(v) => set('confidence', v)}
                  />
                </SimpleGrid>
              );
            case 'plannedFor':
            case 'rescuedAt':
            case 'plannedTravelDate':
            case 'travelDate':
              return date(k);
            case 'shelterAgencyId':
            case 'receivingAgencyId':
              return (
                <Select
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required
                  data={team}
                  value={text(k) || null}
                  onChange={(v) => set(k, v ?? '')}
                  error={errs[k]}
                />
              );
            case 'travelDocumentsReady':
              return (
                <Checkbox
                  key={k}
                  label={t('rescue.field.travelDocumentsReady')}
                  checked={Boolean(f[k])}
                  onChange={(e) => set(k, e.currentTarget.checked)}
                  error={errs[k]}
                />
              );
            case 'verificationSource':
            case 'duplicateOfCaseId':
              return (
                <TextInput
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required
                  value={text(k)}
                  onChange={(e) => set(k, e.currentTarget.value)}
                  error={errs[k]}
                />
              );
            default:
              return (
                <Textarea
                  key={k}
                  label={t(`rescue.field.${k}` as 'rescue.field.note')}
                  required={k === 'reason' || step.to === 'closed'}
                  value={text(k)}
                  onChange={(e) => set(k, e.currentTarget.value)}
                  error={errs[k]}
                  autosize
                  minRows={2}
                />
              );
          }
        })}
        <ProblemAlert error={move.error} />
        <Group>
          <Button type="submit" loading={move.isPending} data-testid="confirm-step">
            {t('rescue.case.confirmStep', { stage: t(`rescue.stage.${step.to}`) })}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
