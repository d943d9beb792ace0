import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchQuery } from '../../intel/api/linksApi.ts';
import { useAgencyNames } from '../../intel/shared/useAgencyNames.ts';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  /** Only entities of these kinds (e.g. rescue's linked scam centre); default: every kind. */
  kinds?: readonly string[];
  label?: string;
  description?: string;
  required?: boolean;
}

/**
 * Finds an intelligence entity the viewer may read through the intel search box
 * (GET /api/intel/search) and shows each with its name, kind and holding agency; `kinds` narrows
 * the choice (rescue links a case to a scam centre with it).
 */
export function EntityPicker({ value, onChange, error, kinds, label, description, required = true }: Props) {
  const { t } = useTranslation();
  const agencies = useAgencyNames();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const found = useQuery(searchQuery(debounced));
  const [picked, setPicked] = useState<Map<string, { label: string; kind: string; agency: string }>>(new Map());
  const options = useMemo(() => {
    const m = new Map(picked);
    for (const e of found.data?.entities ?? []) {
      if (kinds && !kinds.includes(e.kind)) continue;
      m.set(e.id, {
        label: e.label,
        kind: t(`operations.targetKinds.${e.kind}`),
        agency: agencies.name(e.ownerAgencyId),
      });
    }
    return m;
  }, [found.data, picked, agencies.name, t, kinds]);
  const data = [...options].map(([id, o]) => ({ value: id, label: o.label }));
  const matching = (found.data?.entities ?? []).filter((e) => !kinds || kinds.includes(e.kind));
  const nothing = debounced.length >= 2 && found.data && matching.length === 0;
  return (
    <Select
      label={label ?? t('operations.targets.entity')}
      description={description ?? t('operations.targets.entityHelp')}
      placeholder={t('operations.targets.entitySearch')}
      required={required}
      searchable
      clearable
      value={value}
      searchValue={q}
      onSearchChange={setQ}
      onChange={(id) => {
        const o = id ? options.get(id) : undefined;
        if (id && o) setPicked(new Map([[id, o]]));
        onChange(id);
      }}
      data={data}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        found.isFetching ? t('operations.targets.searching') : nothing ? t('operations.targets.noEntity') : undefined
      }
      error={error}
      renderOption={({ option }) => {
        const o = options.get(option.value);
        return (
          <Stack gap={0} data-testid="entity-option">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {option.label}
            </Text>
            <Text size="xs" c="dimmed">
              {o ? `${o.kind} · ${o.agency}` : null}
            </Text>
          </Stack>
        );
      }}
    />
  );
}
