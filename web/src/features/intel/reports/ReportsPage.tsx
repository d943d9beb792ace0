import { Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RouterButton } from '../../../components/links.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { reportsQuery } from '../api/reportsApi.ts';
import { useIntelPermissions } from '../shared/intelRoles.ts';
import { Loading } from '../shared/Loading.tsx';
import { Pager } from '../shared/Pager.tsx';
import { useMoTags } from '../shared/useMoTags.ts';
import { ReportsTable } from './ReportsTable.tsx';

export const REPORTS_PAGE_SIZE = 25;

interface Search {
  mine?: boolean;
  moTag?: string;
  page?: number;
}

/** The area's overview: the reports this agency may read, filtered by owner and modus operandi. */
export function ReportsPage({ search }: { search: Search }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const perms = useIntelPermissions();
  const page = search.page ?? 1;
  const reports = useQuery(
    reportsQuery({
      mine: search.mine,
      moTag: search.moTag,
      limit: REPORTS_PAGE_SIZE,
      offset: (page - 1) * REPORTS_PAGE_SIZE,
    }),
  );
  const taxonomy = useMoTags();
  const setSearch = (next: Search) => void navigate({ to: '/intel', search: { ...search, page: undefined, ...next } });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.intel.title')}
        intro={t('intel.reports.intro')}
        action={perms.write ? <RouterButton to="/intel/reports/new">{t('intel.reports.new')}</RouterButton> : null}
      />
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Switch
          label={t('intel.reports.mine')}
          checked={search.mine ?? false}
          onChange={(e) => setSearch({ mine: e.currentTarget.checked || undefined })}
        />
        <Select
          label={t('intel.reports.moTag')}
          placeholder={t('intel.reports.anyMoTag')}
          data={taxonomy.options}
          value={search.moTag ?? null}
          onChange={(v) => setSearch({ moTag: v ?? undefined })}
          clearable
          searchable
          w={{ base: '100%', xs: 280 }}
        />
      </Group>
      <ProblemAlert error={reports.error} />
      {reports.isPending ? <Loading /> : null}
      {reports.data ? (
        reports.data.length === 0 ? (
          <Text c="dimmed">{search.mine || search.moTag ? t('intel.reports.noMatch') : t('intel.reports.empty')}</Text>
        ) : (
          <ReportsTable reports={reports.data} />
        )
      ) : null}
      <Pager
        page={page}
        hasNext={(reports.data?.length ?? 0) === REPORTS_PAGE_SIZE}
        onPage={(p) => void navigate({ to: '/intel', search: { ...search, page: p > 1 ? p : undefined } })}
      />
    </Stack>
  );
}
