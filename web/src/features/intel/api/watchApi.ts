import type { NewWatch, Watch } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { intelKeys } from './keys.ts';

export const watchlistQuery = queryOptions({
  queryKey: intelKeys.watchlist,
  queryFn: () => api<Watch[]>('GET', '/api/intel/watchlist'),
});

export function useAddWatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWatch) => api<Watch>('POST', '/api/intel/watchlist', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intelKeys.watchlist }),
  });
}

export function useRemoveWatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/intel/watchlist/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intelKeys.watchlist }),
  });
}
