import type { MoTag, NewReport, Report, ReportSummary } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { intelKeys, queryString } from './keys.ts';

export interface ReportFilters {
  mine?: boolean;
  moTag?: string;
  limit: number;
  offset: number;
}

export const taxonomyQuery = queryOptions({
  queryKey: intelKeys.taxonomy,
  queryFn: () => api<MoTag[]>('GET', '/api/intel/taxonomy'),
  staleTime: 10 * 60_000,
});

/** POST /api/intel/taxonomy (hub): the new tag joins the list. */
export function useAddMoTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: MoTag) => api<MoTag>('POST', '/api/intel/taxonomy', tag),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: intelKeys.taxonomy }),
  });
}

export const reportsQuery = (f: ReportFilters) =>
  queryOptions({
    queryKey: intelKeys.reports(f),
    queryFn: () =>
      api<ReportSummary[]>(
        'GET',
        `/api/intel/reports${queryString({ mine: f.mine || undefined, moTag: f.moTag, limit: f.limit, offset: f.offset })}`,
      ),
  });

export const reportQuery = (id: string) =>
  queryOptions({ queryKey: intelKeys.report(id), queryFn: () => api<Report>('GET', `/api/intel/reports/${id}`) });

/** POST /api/intel/reports with an Idempotency-Key: a repeated submit gets the first answer back. */
export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewReport; idempotencyKey: string }) =>
      api<Report>('POST', '/api/intel/reports', body, { 'idempotency-key': idempotencyKey }),
    onSuccess: (report) => {
      queryClient.setQueryData(intelKeys.report(report.id), report);
      void queryClient.invalidateQueries({ queryKey: ['intel', 'reports'] });
      void queryClient.invalidateQueries({ queryKey: ['intel', 'hits'] });
    },
  });
}
