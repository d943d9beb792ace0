import type { NewUser, User, UserPatch } from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

export const usersQuery = queryOptions({
  queryKey: ['users'] as const,
  queryFn: () => api<User[]>('GET', '/api/users'),
});

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (body: NewUser) => api<User>('POST', '/api/users', body), onSuccess: invalidate });
}

export function usePatchUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api<User>('PATCH', `/api/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetMfa() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/api/users/${id}/mfa/reset`),
    onSuccess: invalidate,
  });
}
