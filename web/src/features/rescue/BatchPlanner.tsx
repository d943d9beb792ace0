import type { RescueCase } from '@cordon/contracts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useFormat } from '../../components/format.ts';
import { RouterButton } from '../../components/links.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useAgencyNames } from '../intel/shared/useAgencyNames.ts';
import { useCreateBatch } from './api/rescueApi.ts';

const MODES = ['air', 'land', 'sea'] as const;

/**
 * Plan a repatriation batch: screened persons of one nationality not yet in a batch, with
 * transport and the receiving agency. The host police plan any nationality, a consulate its own
 * (it sees only its nationals anyway).
 */
export function BatchPlanner({ c }: { c: RescueCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { agencies } = useAgencyNames();
  const create = useCreateBatch(c.id);
  const eligible = useMemo(
    () => c.visiblePersons.filter((p) => p.batchId === null && p.status !== 'registered'),
    [c.visiblePersons],
  );
  const nationalities = [...new Set(eligible.map((p) => p.nationality))].sort();
  const [nationality, setNationality] = useState<string | null>(null);
  const nat = nationality ?? nationalities[0] ?? null;
  const ofNat = eligible.filter((p) => p.nationality === nat);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<string | null>(null);
  const [carrierRef, setCarrierRef] = useState('');
  const [travelDate, setTravelDate] = useState('');
  const [receptionAgencyId, setReception] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const errs = fieldErrors(create.error);
  const chosen = ofNat.filter((p) => !unticked.has(p.id));
  return (
    <Card withBorder padding="md" data-testid="batch-planner">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('rescue.batchForm.title')}
        </Title>
        {done !== null ? (
          <Alert color="green" data-testid="batch-created">
            <Group gap="xs" justify="space-between">
              <Text size="sm">{t('rescue.batchForm.created', { count: done })}</Text>
              <RouterButton to="/rescue/dashboard" search={{ caseId: c.id }} size="compact-sm" variant="light">
                {t('rescue.nav.dashboard')}
              </RouterButton>
            </Group>
          </Alert>
        ) : null}
        {nat === null ? (
          <Text size="sm" c="dimmed">
            {c.visiblePersons.some((p) => p.batchId !== null)
              ? t('rescue.batchForm.allInBatches')
              : t('rescue.batchForm.none')}
          </Text>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setDone(null);
              create.mutate(
                {
                  nationality: nat,
                  personIds: chosen.map((p) => p.id),
                  ...(mode ? { transportMode: mode as (typeof MODES)[number] } : {}),
                  ...(carrierRef.trim() ? { carrierRef: carrierRef.trim() } : {}),
                  ...(travelDate.trim() ? { travelDate: travelDate.trim() } : {}),
                  ...(receptionAgencyId ? { receptionAgencyId } : {}),
                },
                {
                  onSuccess: (b) => {
                    setDone(b.persons);
                    setUnticked(new Set());
                    setCarrierRef('');
                    setTravelDate('');
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('rescue.person.nationality')}
                  data={nationalities.map((n) => ({ value: n, label: `${fmt.country(n)} (${n})` }))}
                  value={nat}
                  onChange={(n) => {
                    setNationality(n);
                    setUnticked(new Set());
                    setReception(null);
                  }}
                  allowDeselect={false}
                />
                <Select
                  label={t('rescue.batchForm.reception')}
                  placeholder={t('rescue.batchForm.receptionHint')}
                  searchable
                  clearable
                  value={receptionAgencyId}
                  onChange={setReception}
                  data={agencies.filter((a) => a.country === nat).map((a) => ({ value: a.id, label: a.name }))}
                  error={errs.receptionAgencyId}
                />
                <Select
                  label={t('rescue.batchForm.mode')}
                  clearable
                  value={mode}
                  onChange={setMode}
                  data={MODES.map((m) => ({ value: m, label: t(`rescue.transport.${m}`) }))}
                />
                <TextInput
                  label={t('rescue.batchForm.carrier')}
                  value={carrierRef}
                  onChange={(e) => setCarrierRef(e.currentTarget.value)}
                  maxLength={100}
                />
                <TextInput
                  label={t('rescue.batchForm.travelDate')}
                  placeholder="2026-07-01"
                  value={travelDate}
                  onChange={(e) => setTravelDate(e.currentTarget.value)}
                  error={errs.travelDate}
                />
              </SimpleGrid>
              <Text size="sm" fw={600}>
                {t('rescue.batchForm.persons', { count: chosen.length, total: ofNat.length })}
              </Text>
              <ScrollArea.Autosize mah={220} type="auto">
                <Stack gap={4}>
                  {ofNat.map((p) => (
                    <Checkbox
                      key={p.id}
                      label={p.name}
                      checked={!unticked.has(p.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setUnticked((s) => {
                          const next = new Set(s);
                          if (on) next.delete(p.id);
                          else next.add(p.id);
                          return next;
                        });
                      }}
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
              <Group>
                <Button
                  type="submit"
                  disabled={chosen.length === 0}
                  loading={create.isPending}
                  data-testid="plan-batch"
                >
                  {t('rescue.batchForm.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <ProblemAlert error={create.error} />
      </Stack>
    </Card>
  );
}
