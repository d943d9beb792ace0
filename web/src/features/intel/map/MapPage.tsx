import { Card, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { type MapFilters, mapQuery } from '../api/linksApi.ts';
import type { CentreStatus } from '../api/types.ts';
import { Loading } from '../shared/Loading.tsx';
import { CENTRE_STATUS_LIST } from '../shared/palette.ts';
import { useMoTags } from '../shared/useMoTags.ts';
import { CentresTable } from './CentresTable.tsx';
import { MapLegend } from './MapLegend.tsx';
import { WorldMap } from './WorldMap.tsx';

/** Scam centres on an offline world map, filtered by modus operandi and reporting period. */
export function MapPage({ filters }: { filters: MapFilters & { status?: CentreStatus } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [zoom, setZoom] = useState<'centres' | 'world'>('centres');
  const taxonomy = useMoTags();
  const { status, ...serverFilters } = filters;
  const centres = useQuery(mapQuery(serverFilters));
  const set = (next: MapFilters & { status?: CentreStatus | undefined }) =>
    void navigate({ to: '/intel/map', search: { ...filters, ...next }, replace: true });
  const counts: Record<string, number> = {};
  for (const c of centres.data ?? []) counts[c.status] = (counts[c.status] ?? 0) + 1;
  // The status is filtered here: the legend keeps counting every status of the period.
  const shown = (centres.data ?? []).filter((c) => !status || c.status === status);

  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.map.title')} intro={t('intel.map.intro')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('intel.reports.moTag')}
          placeholder={t('intel.reports.anyMoTag')}
          data={taxonomy.options}
          value={filters.moTag ?? null}
          onChange={(v) => set({ moTag: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('intel.form.status')}
          placeholder={t('intel.map.anyStatus')}
          data={CENTRE_STATUS_LIST.map((s) => ({ value: s, label: t(`intel.centreStatus.${s}`) }))}
          value={status ?? null}
          onChange={(v) => set({ status: (v as CentreStatus | null) ?? undefined })}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
        <TextInput
          type="date"
          label={t('intel.map.from')}
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          type="date"
          label={t('intel.map.to')}
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          error={filters.from && filters.to && filters.to < filters.from ? t('intel.map.toBeforeFrom') : undefined}
          w={{ base: '100%', xs: 170 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="zoom-label">
            {t('intel.map.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="zoom-label"
            value={zoom}
            onChange={(v) => setZoom(v as 'centres' | 'world')}
            data={[
              { value: 'centres', label: t('intel.map.fitCentres') },
              { value: 'world', label: t('intel.map.world') },
            ]}
          />
        </Stack>
      </Group>
      <ProblemAlert error={centres.error} />
      {centres.isPending ? <Loading /> : null}
      {centres.data ? (
        <>
          <Card withBorder padding="sm">
            <Stack gap="sm">
              <MapLegend counts={counts} />
              <WorldMap centres={shown} zoomToCentres={zoom === 'centres'} />
              <Text size="xs" c="dimmed">
                {t('intel.map.attribution')}
              </Text>
            </Stack>
          </Card>
          {shown.length === 0 ? <Text c="dimmed">{t('intel.map.empty')}</Text> : <CentresTable centres={shown} />}
        </>
      ) : null}
    </Stack>
  );
}
