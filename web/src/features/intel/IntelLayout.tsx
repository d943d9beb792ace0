import { Stack } from '@mantine/core';
import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { hasAnyRole, useMe } from '../../app/session.ts';
import { RequireRole } from '../../components/RequireRole.tsx';
import { IntelNav } from './IntelNav.tsx';
import { INTEL_AREA_ROLES, INTEL_READERS } from './shared/intelRoles.ts';
import { Loading } from './shared/Loading.tsx';

/** Every page of the Intelligence area: its own navigation, then the page. */
export function IntelLayout() {
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // A hub administrator who reads no intelligence comes here for the taxonomy only.
  if (!hasAnyRole(me, ...INTEL_READERS) && hasAnyRole(me, 'hub-admin') && !pathname.startsWith('/intel/taxonomy'))
    return <Navigate to="/intel/taxonomy" replace />;
  return (
    <RequireRole roles={INTEL_AREA_ROLES}>
      <Stack gap="lg">
        <IntelNav />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
