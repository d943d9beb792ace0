import type { Me, Role } from '@cordon/contracts';
import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { api } from './api.ts';

/** The signed-in user and their agency; 401 means nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: () => api<Me>('GET', '/api/auth/me'),
  staleTime: 60_000,
});

/** Inside the signed-in layout the route guard has already loaded `me`. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

export const hasAnyRole = (me: Me, ...roles: Role[]): boolean => me.user.roles.some((r) => roles.includes(r));
export const isAdmin = (me: Me): boolean => hasAnyRole(me, 'agency-admin', 'hub-admin');

/** Ends the session on the server, forgets every cached answer and goes to the login page. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api<void>('POST', '/api/auth/logout');
    } finally {
      queryClient.clear();
      await navigate({ to: '/login', search: {} });
    }
  }, [queryClient, navigate]);
}
