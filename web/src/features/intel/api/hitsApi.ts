import type { Hit } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { intelKeys, queryString } from './keys.ts';
import type { Disclosure } from './types.ts';

export const hitsQuery = (f: { entityId?: string; status?: Hit['status'] }) =>
  queryOptions({
    queryKey: intelKeys.hits(f),
    queryFn: () => api<Hit[]>('GET', `/api/intel/hits${queryString(f)}`),
  });

export const hitQuery = (id: string) =>
  queryOptions({ queryKey: intelKeys.hit(id), queryFn: () => api<Hit>('GET', `/api/intel/hits/${id}`) });

export const disclosuresQuery = (direction: 'incoming' | 'outgoing') =>
  queryOptions({
    queryKey: intelKeys.disclosures(direction),
    queryFn: () => api<Disclosure[]>('GET', `/api/intel/disclosures?direction=${direction}`),
  });

/** After a decision or a request, every view of hits, reports, disclosures and alerts may change. */
function useRefreshIntel() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['hits', 'hit', 'report', 'disclosures', 'alerts', 'unread'])
      void queryClient.invalidateQueries({ queryKey: ['intel', key] });
  };
}

export function useDecideHit() {
  const refresh = useRefreshIntel();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'confirm' | 'reject'; note: string }) =>
      api<Hit>('POST', `/api/intel/hits/${id}/decision`, { decision, note: note.trim() || null }),
    onSuccess: refresh,
  });
}

export function useRequestDisclosure() {
  const refresh = useRefreshIntel();
  return useMutation({
    mutationFn: ({ hitId, reason }: { hitId: string; reason: string }) =>
      api<Disclosure>('POST', `/api/intel/hits/${hitId}/disclosure`, { reason: reason.trim() }),
    onSuccess: refresh,
  });
}

export function useDecideDisclosure() {
  const refresh = useRefreshIntel();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note: string }) =>
      api<Disclosure>('POST', `/api/intel/disclosures/${id}/decision`, { approve, note: note.trim() || null }),
    onSuccess: refresh,
  });
}
