import { type NewWatch, SELECTOR_KINDS, WATCH_KINDS } from '@cordon/contracts';
import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/api.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { mapQuery } from '../api/linksApi.ts';
import { useAddWatch } from '../api/watchApi.ts';
import { useCountryOptions } from '../shared/useCountryOptions.ts';
import { useMoTags } from '../shared/useMoTags.ts';

type Kind = NewWatch['kind'];
type SelectorKind = NonNullable<NewWatch['selectorKind']>;

/** A new watch: a selector, a modus operandi, a country or a scam centre to be alerted about. */
export function AddWatchForm({ onAdded }: { onAdded: (label: string) => void }) {
  const { t } = useTranslation();
  const add = useAddWatch();
  const countries = useCountryOptions();
  const taxonomy = useMoTags();
  const centres = useQuery({ ...mapQuery({}), enabled: true });
  const [kind, setKind] = useState<Kind>('selector');
  const [selectorKind, setSelectorKind] = useState<SelectorKind>('phone');
  const [value, setValue] = useState<string | null>('');
  const [country, setCountry] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [missing, setMissing] = useState(false);
  const server = fieldErrors(add.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = (value ?? '').trim();
    if (!v) return setMissing(true);
    const body: NewWatch = {
      kind,
      value: v,
      ...(kind === 'selector' ? { selectorKind } : {}),
      ...(kind === 'selector' && country ? { country } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: (w) => {
        setValue('');
        setLabel('');
        onAdded(w.label);
      },
    });
  };

  const valueError = missing ? t('common.required') : server.value;
  const onValue = (v: string | null) => {
    setValue(v);
    setMissing(false);
  };
  const valueInput =
    kind === 'mo' ? (
      <Select
        label={t('intel.watch.mo')}
        data={taxonomy.options}
        searchable
        required
        value={value || null}
        onChange={onValue}
        error={valueError}
      />
    ) : kind === 'country' ? (
      <Select
        label={t('intel.form.country')}
        data={countries}
        searchable
        required
        value={value || null}
        onChange={onValue}
        error={valueError}
      />
    ) : kind === 'scam-centre' ? (
      <Select
        label={t('intel.watch.centre')}
        data={(centres.data ?? []).map((c) => ({ value: c.id, label: `${c.label} (${c.country})` }))}
        searchable
        required
        nothingFoundMessage={t('intel.form.nothingFound')}
        value={value || null}
        onChange={onValue}
        error={valueError}
      />
    ) : (
      <TextInput
        label={t('intel.form.value')}
        required
        autoComplete="off"
        value={value ?? ''}
        onChange={(e) => onValue(e.currentTarget.value)}
        error={valueError}
      />
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="add-watch">
      <Title order={2} size="h4" id="add-watch" mb="sm">
        {t('intel.watch.add')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select
              label={t('intel.watch.kind')}
              data={WATCH_KINDS.map((k) => ({ value: k, label: t(`intel.watchKinds.${k}`) }))}
              allowDeselect={false}
              value={kind}
              onChange={(k) => {
                setKind((k as Kind) ?? 'selector');
                setValue('');
                setMissing(false);
              }}
            />
            {kind === 'selector' ? (
              <Select
                label={t('intel.form.selectorKind')}
                data={SELECTOR_KINDS.map((k) => ({ value: k, label: t(`intel.selectorKinds.${k}`) }))}
                allowDeselect={false}
                value={selectorKind}
                onChange={(k) => setSelectorKind((k as SelectorKind) ?? 'phone')}
              />
            ) : null}
            {valueInput}
            {kind === 'selector' && selectorKind === 'phone' ? (
              <Select
                label={t('intel.form.country')}
                description={t('intel.form.phoneCountryHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={countries}
                searchable
                clearable
                value={country}
                onChange={setCountry}
              />
            ) : null}
            <TextInput
              label={t('intel.watch.label')}
              description={t('intel.watch.labelHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
          </SimpleGrid>
          <ProblemAlert error={add.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('intel.watch.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
