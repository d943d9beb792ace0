import { type ComboboxParsedItem, Loader, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { entityQuery, searchQuery } from '../api/linksApi.ts';
import { useAgencyNames } from './useAgencyNames.ts';

type EntityKind = 'person' | 'organisation' | 'scam-centre' | 'selector';

interface Described {
  label: string;
  kind: string;
  /** Where it is (scam centres, persons with a nationality…): same-named records of different agencies differ by it. */
  country: string | null;
  agency: string;
}

/**
 * The search behind the pickers: what the box finds through the intel search (only entities the
 * viewer may read), what was picked before, and the labels of ids already chosen (a saved draft).
 */
function useEntitySearch(chosen: string[], kinds?: readonly EntityKind[]) {
  const { t } = useTranslation();
  const agencies = useAgencyNames();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const found = useQuery(searchQuery(debounced));
  const matching = useMemo(
    () => (found.data?.entities ?? []).filter((e) => !kinds || kinds.includes(e.kind)),
    [found.data, kinds],
  );
  const [picked, setPicked] = useState<Map<string, Described>>(new Map());
  const unknown = chosen.filter((id) => !picked.has(id));
  const saved = useQueries({
    queries: unknown.map((id) => ({ ...entityQuery(id), staleTime: Number.POSITIVE_INFINITY })),
  });
  const savedKey = saved.map((s) => s.data?.entity.id ?? '').join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: savedKey stands for the saved entities' data
  const options = useMemo(() => {
    const m = new Map<string, Described>();
    const describe = (e: {
      label: string;
      kind: EntityKind;
      ownerAgencyId: string;
      country: string | null;
    }): Described => ({
      label: e.label,
      kind: t(`intel.entityKinds.${e.kind}`),
      country: e.country ? fmt.country(e.country) : null,
      agency: agencies.name(e.ownerAgencyId),
    });
    for (const s of saved) if (s.data) m.set(s.data.entity.id, describe(s.data.entity));
    for (const [id, o] of picked) m.set(id, o);
    for (const e of matching) m.set(e.id, describe(e));
    return m;
  }, [matching, picked, savedKey, agencies.name, t, fmt]);
  const remember = (ids: string[]) =>
    setPicked(new Map(ids.flatMap((id) => (options.has(id) ? [[id, options.get(id) as Described] as const] : []))));
  const nothing = debounced.length >= 2 && found.data && matching.length === 0;
  const props = {
    searchable: true,
    searchValue: q,
    onSearchChange: setQ,
    // Ids chosen but not (yet) described show as themselves rather than vanish.
    data: [...new Set([...options.keys(), ...chosen])].map((id) => ({
      value: id,
      label: options.get(id)?.label ?? id,
    })),
    filter: ({ options: all }: { options: ComboboxParsedItem[] }) => all,
    placeholder: t('intel.search.tooShort'),
    nothingFoundMessage: found.isFetching ? (
      <Loader size="xs" aria-label={t('intel.search.label')} />
    ) : nothing ? (
      t('intel.search.nothing')
    ) : undefined,
    renderOption: ({ option }: { option: { value: string; label: string } }): ReactNode => {
      const o = options.get(option.value);
      return (
        <Stack gap={0} data-testid="entity-option">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {o ? [o.kind, o.country, o.agency].filter(Boolean).join(' · ') : null}
          </Text>
        </Stack>
      );
    },
  };
  return { props, remember };
}

interface PickerText {
  label: string;
  description: string;
  error?: string | undefined;
}

/**
 * One intelligence entity the viewer may read, found by name, alias or selector through the intel
 * search box (GET /api/intel/search); each option shows its name, kind, country and holding agency.
 * `kinds` narrows the choice (rescue links a case to a scam centre with it).
 */
export function EntityPicker({
  value,
  onChange,
  kinds,
  required = true,
  ...text
}: PickerText & {
  value: string | null;
  onChange: (id: string | null) => void;
  kinds?: readonly EntityKind[];
  required?: boolean;
}) {
  const { props, remember } = useEntitySearch(value ? [value] : [], kinds);
  return (
    <Select
      {...text}
      {...props}
      required={required}
      clearable
      value={value}
      onChange={(id) => {
        remember(id ? [id] : []);
        onChange(id);
      }}
    />
  );
}

/** Several intelligence entities, picked as `EntityPicker` picks one. */
export function EntitiesPicker({
  value,
  onChange,
  ...text
}: PickerText & { value: string[]; onChange: (ids: string[]) => void }) {
  const { props, remember } = useEntitySearch(value);
  return (
    <MultiSelect
      {...text}
      {...props}
      clearable
      hidePickedOptions
      value={value}
      onChange={(ids) => {
        remember(ids);
        onChange(ids);
      }}
    />
  );
}
