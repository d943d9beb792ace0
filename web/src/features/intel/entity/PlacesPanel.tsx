import type { Entity } from '@cordon/contracts';
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { placesQuery } from '../api/linksApi.ts';
import type { MapCentre } from '../api/types.ts';
import { WorldMap } from '../map/WorldMap.tsx';
import { Loading } from '../shared/Loading.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';

/** The entity's scam centres on the offline world map: itself if it is one, else those it is linked to. */
export function PlacesPanel({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const places = useQuery(placesQuery(entity.id));
  const centres: MapCentre[] = (places.data ?? []).map((p) => ({ ...p, country: p.country ?? '' }));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="places-title" data-testid="entity-map">
      <Title order={2} size="h4" id="places-title">
        {t('intel.entity.places.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {entity.kind === 'scam-centre' ? t('intel.entity.places.introCentre') : t('intel.entity.places.introLinked')}
      </Text>
      <ProblemAlert error={places.error} />
      {places.isPending ? <Loading /> : null}
      {places.data?.length === 0 ? <Text size="sm">{t('intel.entity.places.empty')}</Text> : null}
      {places.data && places.data.length > 0 ? (
        <Stack gap="sm">
          <WorldMap centres={centres} zoomToCentres />
          <List spacing={4} size="sm" aria-label={t('intel.entity.places.listLabel')}>
            {places.data.map((p) => (
              <List.Item key={p.id}>
                <RouterAnchor to="/intel/entities/$entityId" params={{ entityId: p.id }} fw={600}>
                  {p.label}
                </RouterAnchor>{' '}
                ({p.country ? fmt.country(p.country) : '—'}) <StatusBadge status={p.status} />{' '}
                <Text span size="xs" c="dimmed">
                  {p.hops === 0 ? t('intel.entity.places.self') : t('intel.entity.places.hops', { count: p.hops })}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('intel.map.attribution')}
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}
