import type { Alert } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { intelKeys, queryString } from './keys.ts';

/** How often the unread count is asked for when no live event arrives. */
export const UNREAD_POLL_MS = 30_000;

export const alertsQuery = (f: { unread?: boolean; limit: number; offset: number }) =>
  queryOptions({
    queryKey: intelKeys.alerts(f),
    queryFn: () => api<Alert[]>('GET', `/api/intel/alerts${queryString({ ...f, unread: f.unread || undefined })}`),
  });

export const unreadQuery = queryOptions({
  queryKey: intelKeys.unread,
  queryFn: () => api<{ unread: number }>('GET', '/api/intel/alerts/unread'),
  refetchInterval: UNREAD_POLL_MS,
  refetchIntervalInBackground: false,
});

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api<{ marked: number }>('POST', '/api/intel/alerts/read', { ids }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['intel', 'alerts'] });
      void queryClient.invalidateQueries({ queryKey: intelKeys.unread });
    },
  });
}
