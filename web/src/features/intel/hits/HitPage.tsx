import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { hitQuery } from '../api/hitsApi.ts';
import { Loading } from '../shared/Loading.tsx';
import { HitCard } from './HitCard.tsx';

/** One hit, as opened from an alert: the match and the way to both records. */
export function HitPage({ hitId }: { hitId: string }) {
  const { t } = useTranslation();
  const hit = useQuery(hitQuery(hitId));
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('intel.hits.pageTitle')} intro={t('intel.hits.pageIntro')} />
      <ProblemAlert error={hit.error} />
      {hit.isPending ? <Loading /> : null}
      {hit.data ? <HitCard hit={hit.data} showMine /> : null}
    </Stack>
  );
}
