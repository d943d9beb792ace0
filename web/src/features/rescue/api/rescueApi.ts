import type {
  Batch,
  BulkRegistration,
  NewBatch,
  NewRescueCase,
  NewTeamMember,
  RepatriationDashboard,
  RescueBoard,
  RescueCase,
  RescuePerson,
  RescueTransition,
  TraffickingIndicator,
} from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api.ts';

export const rescueKeys = {
  all: ['rescue'] as const,
  board: ['rescue', 'board'] as const,
  case: (id: string) => ['rescue', 'case', id] as const,
  dashboard: (caseId?: string) => ['rescue', 'dashboard', caseId ?? 'all'] as const,
};

export const boardQuery = queryOptions({
  queryKey: rescueKeys.board,
  queryFn: () => api<RescueBoard>('GET', '/api/rescue/cases'),
  refetchInterval: 60_000,
});

export const caseQuery = (id: string) =>
  queryOptions({ queryKey: rescueKeys.case(id), queryFn: () => api<RescueCase>('GET', `/api/rescue/cases/${id}`) });

export const dashboardQuery = (caseId?: string) =>
  queryOptions({
    queryKey: rescueKeys.dashboard(caseId),
    queryFn: () => api<RepatriationDashboard>('GET', `/api/rescue/dashboard${caseId ? `?caseId=${caseId}` : ''}`),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: rescueKeys.all });
}

export function useOpenCase() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, key }: { body: NewRescueCase; key: string }) =>
      api<RescueCase>('POST', '/api/rescue/cases', body, { 'idempotency-key': key }),
    onSuccess: refresh,
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RescueTransition) => api<RescueCase>('POST', `/api/rescue/cases/${id}/transitions`, body),
    onSuccess: (c) => {
      qc.setQueryData(rescueKeys.case(id), c);
      refresh();
    },
  });
}

export function useHandoff(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (toAgencyId: string) => api<RescueCase>('POST', `/api/rescue/cases/${id}/handoff`, { toAgencyId }),
    onSuccess: refresh,
  });
}

export function useScreen() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      personId,
      indicators,
      notes,
    }: {
      personId: string;
      indicators: TraffickingIndicator[];
      notes: string;
    }) => api<RescuePerson>('POST', `/api/rescue/persons/${personId}/screening`, { indicators, notes }),
    onSuccess: refresh,
  });
}

/** CSV goes as text/csv (the JSON client does not send files). */
async function postCsv(id: string, csv: string, key: string): Promise<BulkRegistration> {
  const res = await fetch(`/api/rescue/cases/${id}/persons/csv`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv', accept: 'application/json', 'idempotency-key': key },
    body: csv,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, json, null);
  return json as BulkRegistration;
}

export function useRegister(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (
      input: { kind: 'csv'; csv: string; key: string } | { kind: 'rows'; rows: Record<string, unknown>[]; key: string },
    ) =>
      input.kind === 'csv'
        ? postCsv(id, input.csv, input.key)
        : api<BulkRegistration>(
            'POST',
            `/api/rescue/cases/${id}/persons`,
            { rows: input.rows },
            {
              'idempotency-key': input.key,
            },
          ),
    onSuccess: refresh,
  });
}

export function useAdvanceBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, status, travelDate }: { id: string; status: Batch['status']; travelDate?: string }) =>
      api<Batch>('POST', `/api/rescue/batches/${id}/advance`, { status, ...(travelDate ? { travelDate } : {}) }),
    onSuccess: refresh,
  });
}

/** Drafts a Yellow Notice (missing person) from a person of the case; answers the draft's id. */
export function useDraftYellowNotice(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (personId: string) =>
      api<{ noticeId: string }>('POST', `/api/rescue/cases/${caseId}/persons/${personId}/yellow-notice`),
    onSuccess: refresh,
  });
}

export function useAddTeamMember(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewTeamMember) => api<RescueCase>('POST', `/api/rescue/cases/${id}/team`, body),
    onSuccess: (c) => {
      qc.setQueryData(rescueKeys.case(id), c);
      refresh();
    },
  });
}

export function useCreateBatch(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewBatch) => api<Batch>('POST', `/api/rescue/cases/${caseId}/batches`, body),
    onSuccess: refresh,
  });
}
