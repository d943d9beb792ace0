import { Anchor, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { networksQuery } from '../api/linksApi.ts';
import type { GraphNodeType, Network } from '../api/types.ts';
import { useOpenNode } from '../graph/useOpenNode.ts';
import { Loading } from '../shared/Loading.tsx';
import { NODE_COLOURS, NODE_TYPES } from '../shared/palette.ts';

function KeyPlayers({ network, open }: { network: Network; open: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {network.keyPlayers.map((p) => (
        <List.Item key={p.id}>
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => open(p.id)}>
            {p.label}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            {t(`intel.graphTypes.${p.type}`)} · {t('intel.graph.links', { count: p.degree })} ·{' '}
            {t('intel.networks.pagerank', { value: p.pagerank.toFixed(3) })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Connected networks of the intelligence this agency may read, largest first, with their key players. */
export function NetworksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const networks = useQuery(networksQuery);
  const players = (networks.data ?? []).flatMap((n) =>
    n.keyPlayers.map((p) => ({ id: p.id, type: p.type as GraphNodeType, label: p.label })),
  );
  const open = useOpenNode(players, me.agency.id);
  return (
    <Stack gap="lg">
      <PageHeader title={t('intel.networks.title')} intro={t('intel.networks.intro')} />
      <ProblemAlert error={networks.error} />
      {networks.isPending ? <Loading /> : null}
      {networks.data?.length === 0 ? <Text c="dimmed">{t('intel.networks.empty')}</Text> : null}
      {networks.data && networks.data.length > 0 ? (
        <ScrollTable label={t('intel.networks.title')} minWidth={820}>
          <Table verticalSpacing="sm" striped data-testid="networks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">{t('intel.networks.size')}</Table.Th>
                <Table.Th scope="col">{t('intel.networks.composition')}</Table.Th>
                <Table.Th scope="col">{t('intel.networks.communities')}</Table.Th>
                <Table.Th scope="col">{t('intel.networks.keyPlayers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {networks.data.map((n, i) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td fw={700}>{n.size}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap" maw={260}>
                      {NODE_TYPES.filter((type) => n.countsByType[type]).map((type) => (
                        <Badge key={type} variant="dot" color={NODE_COLOURS[type]} tt="none" size="sm">
                          {t(`intel.graphTypes.${type}`)}: {n.countsByType[type]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{n.communities}</Table.Td>
                  <Table.Td>
                    <KeyPlayers network={n} open={(id) => void open(id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}
