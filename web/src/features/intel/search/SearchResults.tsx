import { Alert, Badge, Card, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import type { SearchResult } from '../api/types.ts';
import { useReasonText } from '../hits/reasonText.ts';
import { GradeBadge } from '../shared/GradeBadge.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';
import { useMoTags } from '../shared/useMoTags.ts';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** How the query was read, what the viewer may see, and who else holds a matching record. */
export function SearchResults({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const { reason } = useReasonText();
  const moTags = useMoTags();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const nothing = result.selectors.length + result.entities.length + result.holders.length + result.moTags.length === 0;
  return (
    <Stack gap="lg" aria-live="polite">
      {nothing ? <Text>{t('intel.search.nothing')}</Text> : null}
      {result.selectors.length > 0 ? (
        <Section id="understood" title={t('intel.search.understood')}>
          <List size="sm" spacing={4}>
            {result.selectors.map((s) => (
              <List.Item key={s.key}>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light">{t(`intel.selectorKinds.${s.kind}`)}</Badge>
                  <Text span fw={600}>
                    {s.display}
                  </Text>
                  <Code style={{ overflowWrap: 'anywhere' }}>{s.key}</Code>
                </Group>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      {result.entities.length > 0 ? (
        <Section id="visible" title={t('intel.search.visible', { count: result.entities.length })}>
          <ScrollTable label={t('intel.search.visible', { count: result.entities.length })} minWidth={720}>
            <Table verticalSpacing={6} data-testid="search-entities">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intel.search.entity')}</Table.Th>
                  <Table.Th scope="col">{t('intel.search.kind')}</Table.Th>
                  <Table.Th scope="col">{t('intel.search.why')}</Table.Th>
                  <Table.Th scope="col">{t('intel.reports.holder')}</Table.Th>
                  <Table.Th scope="col">{t('intel.search.report')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.entities.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <RouterAnchor to="/intel/entities/$entityId" params={{ entityId: e.id }} fw={600}>
                        {e.label}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>
                      {e.kind === 'selector' && e.selectorKind
                        ? t(`intel.selectorKinds.${e.selectorKind}`)
                        : t(`intel.entityKinds.${e.kind}`)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {e.whyCode ? reason(e.whyCode) : e.why} ({Math.round(e.score * 100)}%)
                      </Text>
                    </Table.Td>
                    <Table.Td>{agencies.name(e.ownerAgencyId)}</Table.Td>
                    <Table.Td>
                      <RouterAnchor to="/intel/reports/$reportId" params={{ reportId: e.reportId }} size="sm">
                        {t('intel.search.openReport')}
                      </RouterAnchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Section>
      ) : null}
      {result.holders.length > 0 ? (
        <Section id="holders" title={t('intel.search.holders')}>
          <Alert variant="light" color="blue" mb="sm">
            {t('intel.search.requestHint')}
          </Alert>
          <List size="sm" spacing={6} data-testid="search-holders">
            {result.holders.map((h) => (
              <List.Item key={`${h.key}-${h.agencyId}`}>
                <Group gap="xs" wrap="wrap">
                  <Text span fw={600}>
                    {h.agencyName}
                  </Text>
                  <Text span size="sm">
                    ({fmt.country(h.country)})
                  </Text>
                  <GradeBadge grade={h.grade} />
                  <Code>{h.key}</Code>
                </Group>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      {result.moTags.length > 0 ? (
        <Section id="motags" title={t('intel.search.moTags')}>
          <Group gap="xs">
            {result.moTags.map((m) => (
              <RouterAnchor key={m.code} to="/intel" search={{ moTag: m.code }}>
                {t('intel.search.reportsTagged', { tag: moTags.label(m.code) })}
              </RouterAnchor>
            ))}
          </Group>
        </Section>
      ) : null}
    </Stack>
  );
}
