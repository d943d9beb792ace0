import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { MarkingBadge } from '../../../components/MarkingBadge.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SuccessNotice } from '../../../components/SuccessNotice.tsx';
import { reportQuery } from '../api/reportsApi.ts';
import { HitsPanel } from '../hits/HitsPanel.tsx';
import { Loading } from '../shared/Loading.tsx';
import { MoTagBadges } from '../shared/MoTagBadges.tsx';
import { useAgencyNames } from '../shared/useAgencyNames.ts';
import { AudienceText } from './AudienceText.tsx';
import { EntitiesSection } from './EntitiesSection.tsx';
import { RelationshipsSection } from './RelationshipsSection.tsx';

/** A report: its marking, summary, entities and relationships, and the hits it has with other agencies. */
export function ReportPage({ reportId, created = false }: { reportId: string; created?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const agencies = useAgencyNames();
  const report = useQuery(reportQuery(reportId));
  const navigate = useNavigate();
  const [notice, setNotice] = useState(created);
  const closeNotice = () => {
    setNotice(false);
    void navigate({ to: '/intel/reports/$reportId', params: { reportId }, search: {}, replace: true });
  };
  const r = report.data;

  return (
    <Stack gap="lg">
      <ProblemAlert error={report.error} />
      {report.isPending ? <Loading /> : null}
      {r ? (
        <>
          <Stack gap={6}>
            <Title order={1}>{r.title}</Title>
            <Group gap="sm" wrap="wrap">
              <MarkingBadge marking={r.marking} />
              <MoTagBadges codes={r.moTags} />
            </Group>
            <AudienceText audience={r.marking.audience} />
            <Text size="sm" c="dimmed">
              {t('intel.report.heldBy', { agency: agencies.name(r.ownerAgencyId), at: fmt.dateTime(r.createdAt) })}
            </Text>
          </Stack>
          <SuccessNotice
            message={notice ? t('intel.report.submitted', { count: r.hits.length }) : null}
            onClose={closeNotice}
          />
          <HitsPanel hits={r.hits} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
            <Card withBorder padding="md" component="section" aria-labelledby="summary-title">
              <Title order={2} size="h4" id="summary-title" mb="sm">
                {t('intel.form.summary')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.summary || t('intel.report.noSummary')}
              </Text>
            </Card>
            <RelationshipsSection relationships={r.relationships} entities={r.entities} />
          </SimpleGrid>
          <EntitiesSection entities={r.entities} />
        </>
      ) : null}
    </Stack>
  );
}
