import type { Entity } from '@cordon/contracts';
import { Card, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import type { CentreStatus } from '../api/types.ts';
import { attrList, attrNum, attrStr } from '../shared/attrs.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';

const EntityLink = ({ e }: { e: Entity }) => (
  <RouterAnchor to="/intel/entities/$entityId" params={{ entityId: e.id }} fw={600} size="sm" underline="always">
    {e.label}
  </RouterAnchor>
);

function Group({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The report's entities by kind, each with what identifies it (canonical keys for selectors). */
export function EntitiesSection({ entities }: { entities: Entity[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const of = (kind: Entity['kind']) => entities.filter((e) => e.kind === kind);
  const persons = of('person');
  const orgs = of('organisation');
  const centres = of('scam-centre');
  const selectors = of('selector');
  const countries = (codes: string[]) => codes.map((c) => fmt.country(c)).join(', ');

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="entities-title">
      <Title order={2} size="h4" id="entities-title" mb="sm">
        {t('intel.report.entities')}
      </Title>
      {entities.length === 0 ? <Text size="sm">{t('intel.report.noEntities')}</Text> : null}
      <Stack gap="lg">
        {selectors.length > 0 ? (
          <Group id="ent-selectors" title={t('intel.form.selectors')}>
            <ScrollTable label={t('intel.form.selectors')} minWidth={560}>
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('intel.form.selectorKind')}</Table.Th>
                    <Table.Th scope="col">{t('intel.form.value')}</Table.Th>
                    <Table.Th scope="col">{t('intel.report.key')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {selectors.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{e.selectorKind ? t(`intel.selectorKinds.${e.selectorKind}`) : ''}</Table.Td>
                      <Table.Td>
                        <EntityLink e={e} />
                      </Table.Td>
                      <Table.Td>
                        <Code style={{ overflowWrap: 'anywhere' }}>{e.key}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Group>
        ) : null}
        {persons.length > 0 ? (
          <Group id="ent-persons" title={t('intel.form.persons')}>
            {persons.map((e) => {
              const aliases = attrList(e.attrs, 'names').slice(1);
              const dob = attrStr(e.attrs, 'dateOfBirth');
              const nats = attrList(e.attrs, 'nationalities');
              const role = attrStr(e.attrs, 'role');
              return (
                <Text key={e.id} size="sm">
                  <EntityLink e={e} />
                  {role ? ` · ${t(`intel.personRoles.${role as 'suspect'}`)}` : ''}
                  {aliases.length ? ` · ${t('intel.report.aka', { names: aliases.join(', ') })}` : ''}
                  {dob ? ` · ${t('intel.report.born', { date: dob })}` : ''}
                  {nats.length ? ` · ${countries(nats)}` : ''}
                </Text>
              );
            })}
          </Group>
        ) : null}
        {orgs.length > 0 ? (
          <Group id="ent-orgs" title={t('intel.form.organisations')}>
            {orgs.map((e) => {
              const kind = attrStr(e.attrs, 'kind');
              return (
                <Text key={e.id} size="sm">
                  <EntityLink e={e} />
                  {kind ? ` · ${t(`intel.orgKinds.${kind as 'other'}`)}` : ''}
                  {e.country ? ` · ${fmt.country(e.country)}` : ''}
                </Text>
              );
            })}
          </Group>
        ) : null}
        {centres.length > 0 ? (
          <Group id="ent-centres" title={t('intel.form.scamCentres')}>
            {centres.map((e) => {
              const status = attrStr(e.attrs, 'status') as CentreStatus | null;
              const workforce = attrNum(e.attrs, 'workforce');
              return (
                <Text key={e.id} size="sm" component="div">
                  <EntityLink e={e} /> {status ? <StatusBadge status={status} /> : null}
                  {e.country ? ` · ${fmt.country(e.country)}` : ''}
                  {e.location ? ` · ${e.location.lat.toFixed(4)}, ${e.location.lon.toFixed(4)}` : ''}
                  {workforce !== null ? ` · ${t('intel.report.workforce', { count: workforce })}` : ''}
                </Text>
              );
            })}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
