import { GENDERS, type NewRescueCase, REPORTER_CHANNELS, RISK_LEVELS } from '@cordon/contracts';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RequireRole } from '../../components/RequireRole.tsx';
import { newIdempotencyKey } from '../intel/form/idempotencyKey.ts';
import { EntityPicker } from '../intel/shared/EntityPicker.tsx';
import { useOpenCase } from './api/rescueApi.ts';
import { RESCUE_WRITERS } from './shared.tsx';

const FACTORS = ['immediateDanger', 'medicalNeed', 'minor', 'violence', 'confiscatedDocuments'] as const;
const SCAM_CENTRE = ['scam-centre'] as const;
const newKey = () => `rescue-open-${newIdempotencyKey()}`;

/** Open a case: one person reported missing, or a raid whose people are registered next. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [key] = useState(newKey);
  const [kind, setKind] = useState<'individual' | 'mass'>('individual');
  const [v, setV] = useState({
    title: '',
    hostCountry: '',
    name: '',
    nationality: '',
    dateOfBirth: '',
    gender: 'unknown',
    languages: '',
    description: '',
    area: '',
    locationDescription: '',
    confidence: '' as number | string,
    riskLevel: '',
    channel: 'family',
    reporterName: '',
    relation: '',
    contact: '',
    consent: false,
  });
  const [factors, setFactors] = useState<string[]>([]);
  const [scamCentreId, setScamCentreId] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } } | string | null) => {
    // Read the value now: the event's currentTarget is gone when the state updater runs.
    const value = typeof e === 'string' || e === null ? (e ?? '') : e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
  };
  const errs = fieldErrors(open.error);
  const personErr = (f: string) =>
    (open.error as { problem?: { errors?: Array<{ field: string; message: string }> } } | null)?.problem?.errors?.find(
      (e) => e.field === `persons.0.${f}`,
    )?.message;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body: NewRescueCase = {
      kind,
      hostCountry: v.hostCountry.trim().toUpperCase(),
      ...(v.title.trim() ? { title: v.title.trim() } : {}),
      persons:
        kind === 'individual'
          ? [
              {
                name: v.name,
                nationality: v.nationality.trim().toUpperCase(),
                ...(v.dateOfBirth ? { dateOfBirth: v.dateOfBirth } : {}),
                gender: v.gender as (typeof GENDERS)[number],
                ...(v.languages.trim()
                  ? {
                      languages: v.languages
                        .split(/[,;]/)
                        .map((s) => s.trim())
                        .filter(Boolean),
                    }
                  : {}),
                ...(v.description ? { description: v.description } : {}),
              },
            ]
          : [],
      riskFactors: Object.fromEntries(factors.map((f) => [f, true])),
      ...(v.riskLevel ? { riskLevel: v.riskLevel as (typeof RISK_LEVELS)[number] } : {}),
      ...(scamCentreId || v.area || v.locationDescription || v.confidence !== ''
        ? {
            location: {
              ...(scamCentreId ? { scamCentreId } : {}),
              ...(v.area ? { area: v.area } : {}),
              ...(v.locationDescription ? { description: v.locationDescription } : {}),
              ...(v.confidence !== '' ? { confidence: Number(v.confidence) / 100 } : {}),
            },
          }
        : {}),
      reporter: {
        channel: v.channel as (typeof REPORTER_CHANNELS)[number],
        ...(v.reporterName ? { name: v.reporterName } : {}),
        ...(v.relation ? { relation: v.relation } : {}),
        ...(v.contact ? { contact: v.contact } : {}),
      },
      consentToContact: v.consent,
    };
    open.mutate(
      { body, key },
      {
        onSuccess: (c) =>
          void navigate(
            kind === 'mass'
              ? { to: '/rescue/cases/$caseId/register', params: { caseId: c.id } }
              : { to: '/rescue/cases/$caseId', params: { caseId: c.id } },
          ),
      },
    );
  };

  return (
    <RequireRole roles={RESCUE_WRITERS}>
      <Stack gap="lg" maw={860}>
        <PageHeader title={t('rescue.new.title')} intro={t('rescue.new.intro')} />
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SegmentedControl
              value={kind}
              onChange={(k) => setKind(k as 'individual' | 'mass')}
              data={[
                { value: 'individual', label: t('rescue.new.individual') },
                { value: 'mass', label: t('rescue.new.mass') },
              ]}
              aria-label={t('rescue.new.kind')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('rescue.new.hostCountry')}
                description={t('rescue.new.countryHint')}
                required
                value={v.hostCountry}
                onChange={set('hostCountry')}
                error={errs.hostCountry}
                maxLength={2}
              />
              <TextInput
                label={t('rescue.new.caseTitle')}
                description={t('rescue.new.titleHint')}
                value={v.title}
                onChange={set('title')}
              />
            </SimpleGrid>
            {kind === 'individual' ? (
              <Fieldset legend={t('rescue.new.person')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('rescue.person.name')}
                    required
                    value={v.name}
                    onChange={set('name')}
                    error={personErr('name')}
                  />
                  <TextInput
                    label={t('rescue.person.nationality')}
                    description={t('rescue.new.countryHint')}
                    required
                    value={v.nationality}
                    onChange={set('nationality')}
                    error={personErr('nationality')}
                    maxLength={2}
                  />
                  <TextInput
                    label={t('rescue.person.dateOfBirth')}
                    placeholder="1995-04-21"
                    value={v.dateOfBirth}
                    onChange={set('dateOfBirth')}
                    error={personErr('dateOfBirth')}
                  />
                  <Select
                    label={t('rescue.person.gender')}
                    data={GENDERS.map((g) => ({ value: g, label: t(`rescue.gender.${g}`) }))}
                    value={v.gender}
                    onChange={set('gender')}
                    allowDeselect={false}
                  />
                  <TextInput label={t('rescue.person.languages')} value={v.languages} onChange={set('languages')} />
                  <Textarea
                    label={t('rescue.person.description')}
                    value={v.description}
                    onChange={set('description')}
                    autosize
                    minRows={1}
                  />
                </SimpleGrid>
              </Fieldset>
            ) : null}
            <Fieldset legend={t('rescue.new.location')}>
              <EntityPicker
                kinds={SCAM_CENTRE}
                required={false}
                label={t('rescue.new.scamCentre')}
                description={t('rescue.new.scamCentreHint')}
                value={scamCentreId}
                onChange={setScamCentreId}
                error={errs['location.scamCentreId']}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                <TextInput label={t('rescue.new.area')} value={v.area} onChange={set('area')} />
                <TextInput
                  label={t('rescue.new.locationDescription')}
                  value={v.locationDescription}
                  onChange={set('locationDescription')}
                />
                <NumberInput
                  label={t('rescue.new.confidence')}
                  min={0}
                  max={100}
                  suffix=" %"
                  value={v.confidence}
                  onChange={(n) => setV((s) => ({ ...s, confidence: n }))}
                />
              </SimpleGrid>
            </Fieldset>
            <Fieldset legend={t('rescue.new.risk')}>
              <Stack gap="sm">
                <Checkbox.Group value={factors} onChange={setFactors} label={t('rescue.new.factors')}>
                  <Group gap="md" mt="xs">
                    {FACTORS.map((f) => (
                      <Checkbox key={f} value={f} label={t(`rescue.factor.${f}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Select
                  label={t('rescue.new.riskLevel')}
                  description={t('rescue.new.riskHint')}
                  data={RISK_LEVELS.map((r) => ({ value: r, label: t(`rescue.risk.${r}`) }))}
                  value={v.riskLevel || null}
                  onChange={set('riskLevel')}
                  clearable
                  maw={320}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('rescue.new.reporter')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('rescue.new.channel')}
                  data={REPORTER_CHANNELS.map((c) => ({ value: c, label: t(`rescue.channel.${c}`) }))}
                  value={v.channel}
                  onChange={set('channel')}
                  allowDeselect={false}
                />
                <TextInput label={t('rescue.new.reporterName')} value={v.reporterName} onChange={set('reporterName')} />
                <TextInput label={t('rescue.new.relation')} value={v.relation} onChange={set('relation')} />
                <TextInput label={t('rescue.new.contact')} value={v.contact} onChange={set('contact')} />
              </SimpleGrid>
              <Checkbox
                mt="md"
                label={t('rescue.new.consent')}
                checked={v.consent}
                onChange={(e) => {
                  const consent = e.currentTarget.checked;
                  setV((s) => ({ ...s, consent }));
                }}
              />
            </Fieldset>
            <ProblemAlert error={open.error} />
            <Group>
              <Button type="submit" loading={open.isPending} data-testid="open-case">
                {t('rescue.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </RequireRole>
  );
}
