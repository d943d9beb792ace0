import type { Entity } from '@cordon/contracts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { attrList, attrNum, attrStr } from '../shared/attrs.ts';

/** Normaliser details the server reports for a selector, with a label of their own. */
const DETAIL_LABELS = { type: 1, country: 1, callingCode: 1, chain: 1, domain: 1, registrable: 1, platform: 1 };
type DetailKey = keyof typeof DETAIL_LABELS;

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/** What the holder recorded about the entity, by kind. */
export function EntityAttributes({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = entity.attrs;
  const list = (key: string) => attrList(a, key).join(', ') || null;
  const countries = (key: string) =>
    attrList(a, key)
      .map((c) => fmt.country(c))
      .join(', ') || null;
  const role = attrStr(a, 'role');
  const status = attrStr(a, 'status');
  const orgKind = attrStr(a, 'kind');
  const workforce = attrNum(a, 'workforce');
  const details = a.details && typeof a.details === 'object' ? (a.details as Record<string, unknown>) : {};
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="attrs-title">
      <Title order={2} size="h4" id="attrs-title" mb="sm">
        {t('intel.entity.attributes')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('intel.entity.country')} value={entity.country ? fmt.country(entity.country) : null} />
        <Fact
          label={t('intel.entity.location')}
          value={entity.location ? `${entity.location.lat.toFixed(4)}, ${entity.location.lon.toFixed(4)}` : null}
        />
        {entity.kind === 'person' ? (
          <>
            <Fact label={t('intel.form.aliases')} value={attrList(a, 'names').slice(1).join(', ') || null} />
            <Fact label={t('intel.form.dateOfBirth')} value={attrStr(a, 'dateOfBirth')} />
            <Fact label={t('intel.form.nationalities')} value={countries('nationalities')} />
            <Fact label={t('intel.form.role')} value={role ? t(`intel.personRoles.${role as 'other'}`) : null} />
          </>
        ) : null}
        {entity.kind === 'organisation' ? (
          <>
            <Fact label={t('intel.form.orgKind')} value={orgKind ? t(`intel.orgKinds.${orgKind as 'other'}`) : null} />
            <Fact label={t('intel.form.aliases')} value={list('aliases')} />
          </>
        ) : null}
        {entity.kind === 'scam-centre' ? (
          <>
            <Fact
              label={t('intel.form.status')}
              value={status ? t(`intel.centreStatus.${status as 'active'}`) : null}
            />
            <Fact label={t('intel.form.workforce')} value={workforce !== null ? String(workforce) : null} />
            <Fact label={t('intel.form.aliases')} value={list('aliases')} />
            <Fact label={t('intel.entity.address')} value={attrStr(a, 'address')} />
          </>
        ) : null}
        {entity.kind === 'selector' ? (
          <>
            <Fact label={t('intel.entity.submitted')} value={attrStr(a, 'submitted')} />
            <Fact label={t('intel.entity.normalised')} value={attrStr(a, 'value')} />
            {Object.entries(details).map(([k, v]) =>
              typeof v === 'string' || typeof v === 'number' ? (
                <Fact
                  key={k}
                  label={k in DETAIL_LABELS ? t(`intel.entity.details.${k as DetailKey}`) : k}
                  value={k === 'country' && typeof v === 'string' ? fmt.country(v) : String(v)}
                />
              ) : null,
            )}
          </>
        ) : null}
      </SimpleGrid>
    </Card>
  );
}
