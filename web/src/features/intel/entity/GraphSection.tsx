import type { Entity } from '@cordon/contracts';
import { Alert, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { neighbourhoodQuery } from '../api/linksApi.ts';
import { GraphLegend } from '../graph/GraphLegend.tsx';
import { NodeList } from '../graph/NodeList.tsx';
import { useOpenNode } from '../graph/useOpenNode.ts';
import { Loading } from '../shared/Loading.tsx';
import { entityNode } from '../shared/nodeTarget.ts';

// Sigma.js and graphology are loaded only when a graph is shown.
const EntityGraph = lazy(() => import('../graph/EntityGraph.tsx'));

/** The entity's k-hop neighbourhood: the drawing, its legend, and the same nodes as a list. */
export function GraphSection({ entity, hops }: { entity: Entity; hops: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const focus = entityNode(entity);
  const graph = useQuery(neighbourhoodQuery(focus, hops));
  const open = useOpenNode(graph.data?.nodes ?? [], me.agency.id);
  const onOpen = (id: string) => (id === focus ? undefined : void open(id));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="graph-title">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} size="h4" id="graph-title">
            {t('intel.graph.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intel.graph.intro')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="hops-label">
            {t('intel.graph.hops')}
          </Text>
          <SegmentedControl
            aria-labelledby="hops-label"
            value={String(hops)}
            onChange={(v) =>
              void navigate({
                to: '/intel/entities/$entityId',
                params: { entityId: entity.id },
                search: { hops: Number(v) },
                replace: true,
              })
            }
            data={['1', '2', '3'].map((h) => ({ value: h, label: t('intel.graph.hopsN', { count: Number(h) }) }))}
          />
        </Stack>
      </Group>
      <ProblemAlert error={graph.error} />
      {graph.isPending ? <Loading /> : null}
      {graph.data ? (
        <Stack gap="sm">
          {graph.data.truncated ? (
            <Alert color="yellow" variant="light">
              {t('intel.graph.truncated')}
            </Alert>
          ) : null}
          <GraphLegend />
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
            <div style={{ gridColumn: 'span 2' }}>
              <Suspense fallback={<Loading />}>
                <EntityGraph
                  data={graph.data}
                  focus={focus}
                  label={t('intel.graph.imageLabel', { label: entity.label, count: graph.data.nodes.length })}
                  onNodeClick={onOpen}
                />
              </Suspense>
              <Text size="xs" c="dimmed" mt={4}>
                {t('intel.graph.howTo')}
              </Text>
            </div>
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t('intel.graph.nodeList')}
              </Title>
              <NodeList data={graph.data} focus={focus} onOpen={onOpen} />
            </Stack>
          </SimpleGrid>
        </Stack>
      ) : null}
    </Card>
  );
}
