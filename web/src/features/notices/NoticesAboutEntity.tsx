import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { aboutEntityQuery } from './api/noticesApi.ts';
import { NoticesTable } from './NoticesTable.tsx';

/** A panel for the intelligence entity page: the notices about this entity (by id or its selector). */
export function NoticesAboutEntity({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const q = useQuery(aboutEntityQuery(entityId));
  return (
    <Stack gap="xs" data-testid="notices-about-entity">
      <Title order={2} size="h4">
        {t('notices.about.title')}
      </Title>
      <ProblemAlert error={q.error} />
      {q.data ? <NoticesTable notices={q.data} label={t('notices.about.title')} /> : null}
    </Stack>
  );
}
