import type {
  Campaign,
  CampaignChanges,
  ConsoleDirectoryEntry,
  DirectoryEntryChanges,
  NewCampaign,
  NewDirectoryEntry,
  ReachRow,
  TriageDecision,
  TriageItem,
} from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export const awarenessKeys = {
  all: ['awareness'] as const,
  triage: (status: string) => ['awareness', 'triage', status] as const,
  campaigns: ['awareness', 'campaigns'] as const,
  reach: (id: string) => ['awareness', 'reach', id] as const,
  directory: ['awareness', 'directory'] as const,
};

export const triageQuery = (status: string) =>
  queryOptions({
    queryKey: awarenessKeys.triage(status),
    queryFn: () => api<TriageItem[]>('GET', `/api/awareness/triage?status=${status}&limit=100`),
  });

export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TriageDecision & { id: string }) =>
      api<TriageItem>('POST', `/api/awareness/triage/${id}/decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['awareness', 'triage'] }),
  });
}

export const campaignsQuery = queryOptions({
  queryKey: awarenessKeys.campaigns,
  queryFn: () => api<Campaign[]>('GET', '/api/awareness/campaigns'),
});

export const reachQuery = (id: string) =>
  queryOptions({
    queryKey: awarenessKeys.reach(id),
    queryFn: () => api<ReachRow[]>('GET', `/api/awareness/campaigns/${id}/reach`),
  });

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCampaign) => api<Campaign>('POST', '/api/awareness/campaigns', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.campaigns }),
  });
}

export function useUpdateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: CampaignChanges }) =>
      api<Campaign>('PATCH', `/api/awareness/campaigns/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.campaigns }),
  });
}

export function useEndCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Campaign>('POST', `/api/awareness/campaigns/${id}/end`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.campaigns }),
  });
}

export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/awareness/campaigns/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.campaigns }),
  });
}

export const directoryQuery = (country: string) =>
  queryOptions({
    queryKey: [...awarenessKeys.directory, country] as const,
    queryFn: () =>
      api<ConsoleDirectoryEntry[]>('GET', `/api/awareness/directory${country ? `?country=${country}` : ''}`),
  });

export function useAddDirectoryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDirectoryEntry) => api<ConsoleDirectoryEntry>('POST', '/api/awareness/directory', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.directory }),
  });
}

export function useUpdateDirectoryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: DirectoryEntryChanges }) =>
      api<ConsoleDirectoryEntry>('PATCH', `/api/awareness/directory/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.directory }),
  });
}

export function useRemoveDirectoryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/awareness/directory/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: awarenessKeys.directory }),
  });
}
