import type {
  Account,
  Agency,
  Balance,
  Detection,
  Freeze,
  FreezeDraftEdit,
  FreezeTransition,
  LedgerEntry,
  NewFreeze,
  RateRow,
  TraceRequest,
  TraceResult,
  Transaction,
} from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../../app/api.ts';

export const financeKeys = {
  all: ['finance'] as const,
  accounts: (q: string) => ['finance', 'accounts', q] as const,
  account: (id: string) => ['finance', 'account', id] as const,
  freezes: ['finance', 'freezes'] as const,
  ledger: ['finance', 'ledger'] as const,
  balances: (by: string) => ['finance', 'ledger', 'balances', by] as const,
  detections: ['finance', 'detections'] as const,
  rates: (currency: string) => ['finance', 'rates', currency] as const,
};

export const ratesQuery = (currency: string) =>
  queryOptions({
    queryKey: financeKeys.rates(currency),
    queryFn: () =>
      api<RateRow[]>('GET', `/api/finance/rates${currency ? `?currency=${encodeURIComponent(currency)}` : ''}`),
  });

export const accountsQuery = (q: string) =>
  queryOptions({
    queryKey: financeKeys.accounts(q),
    queryFn: () => api<Account[]>('GET', `/api/finance/accounts?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  });

export const accountQuery = (id: string) =>
  queryOptions({
    queryKey: financeKeys.account(id),
    queryFn: () => api<{ account: Account; transactions: Transaction[] }>('GET', `/api/finance/accounts/${id}`),
  });

export const detectionsQuery = queryOptions({
  queryKey: financeKeys.detections,
  queryFn: () => api<Detection[]>('GET', '/api/finance/detections'),
});

export const freezesQuery = queryOptions({
  queryKey: financeKeys.freezes,
  queryFn: () => api<Freeze[]>('GET', '/api/finance/freezes'),
});

export const ledgerQuery = queryOptions({
  queryKey: financeKeys.ledger,
  queryFn: () => api<LedgerEntry[]>('GET', '/api/finance/ledger'),
});

export const balancesQuery = (by: string) =>
  queryOptions({
    queryKey: financeKeys.balances(by),
    queryFn: () => api<Balance[]>('GET', `/api/finance/ledger/balances?by=${by}`),
  });

export const agenciesQuery = queryOptions({
  queryKey: ['agencies', 'directory'] as const,
  queryFn: () => api<Agency[]>('GET', '/api/agencies'),
  staleTime: 300_000,
});

export function useTrace() {
  return useMutation({ mutationFn: (body: TraceRequest) => api<TraceResult>('POST', '/api/finance/trace', body) });
}

export function useCreateFreeze() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewFreeze) => api<Freeze>('POST', '/api/finance/freezes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.freezes }),
  });
}

export function useEditDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FreezeDraftEdit & { id: string }) =>
      api<Freeze>('PUT', `/api/finance/freezes/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.freezes }),
  });
}

export function useMoveFreeze() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FreezeTransition & { id: string }) =>
      api<Freeze>('POST', `/api/finance/freezes/${id}/transition`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
  });
}

/** Downloads the trace export (CSV or STIX) as a file. */
export async function downloadTrace(body: TraceRequest, format: 'csv' | 'stix'): Promise<void> {
  const res = await fetch(`/api/finance/trace/export?format=${format}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(res.status, null, null);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = format === 'csv' ? 'trace.csv' : 'trace.stix.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
