import { Badge, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../../components/links.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { NoticesAboutEntity } from '../../notices/NoticesAboutEntity.tsx';
import { hitsQuery } from '../api/hitsApi.ts';
import { entityQuery } from '../api/linksApi.ts';
import { HitsPanel } from '../hits/HitsPanel.tsx';
import { Loading } from '../shared/Loading.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';
import { EntityAttributes } from './EntityAttributes.tsx';
import { GraphSection } from './GraphSection.tsx';
import { PlacesPanel } from './PlacesPanel.tsx';
import { SameKeyTable } from './SameKeyTable.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

/** An entity: what it is, where else the same selector appears, its hits, timeline, map and neighbourhood graph. */
export function EntityPage({ entityId, hops }: { entityId: string; hops: number }) {
  const { t } = useTranslation();
  const agencies = useAgencyNames();
  const entity = useQuery(entityQuery(entityId));
  const hits = useQuery(hitsQuery({ entityId }));
  const e = entity.data?.entity;

  return (
    <Stack gap="lg">
      <ProblemAlert error={entity.error} />
      {entity.isPending ? <Loading /> : null}
      {e && entity.data ? (
        <>
          <Stack gap={6}>
            <Group gap="sm" wrap="wrap">
              <Badge variant="light">
                {e.kind === 'selector' && e.selectorKind
                  ? t(`intel.selectorKinds.${e.selectorKind}`)
                  : t(`intel.entityKinds.${e.kind}`)}
              </Badge>
            </Group>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {e.label}
            </Title>
            {e.key ? (
              <Text size="sm">
                {t('intel.report.key')}: <Code style={{ overflowWrap: 'anywhere' }}>{e.key}</Code>
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('intel.entity.from', { agency: agencies.name(e.ownerAgencyId) })}{' '}
              <RouterAnchor to="/intel/reports/$reportId" params={{ reportId: e.reportId }} underline="always">
                {t('intel.entity.openReport')}
              </RouterAnchor>
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
            <EntityAttributes entity={e} />
            {e.kind === 'selector' ? <SameKeyTable entities={entity.data.sameKey} /> : null}
          </SimpleGrid>
          {hits.data ? <HitsPanel hits={hits.data} intro={t('intel.entity.hitsIntro')} /> : null}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
            <TimelinePanel entityId={e.id} />
            <PlacesPanel entity={e} />
          </SimpleGrid>
          <NoticesAboutEntity entityId={e.id} />
          <GraphSection entity={e} hops={hops} />
        </>
      ) : null}
    </Stack>
  );
}
