import type { Agency, NewAgency } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export const agenciesQuery = queryOptions({
  queryKey: ['agencies'] as const,
  queryFn: () => api<Agency[]>('GET', '/api/agencies'),
  staleTime: 5 * 60_000,
});

export function useRegisterAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAgency) => api<Agency>('POST', '/api/agencies', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesQuery.queryKey }),
  });
}

/** Case- and accent-insensitive match of every word against the agency's searchable text. */
export function matchesSearch(haystack: string, query: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const text = fold(haystack);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}
