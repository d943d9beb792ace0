import { Stack } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { RequireRole } from '../../components/RequireRole.tsx';
import { IntelNav } from './IntelNav.tsx';
import { INTEL_READERS } from './shared/intelRoles.ts';
import { Loading } from './shared/Loading.tsx';

/** Every page of the Intelligence area: its own navigation, then the page. */
export function IntelLayout() {
  return (
    <RequireRole roles={INTEL_READERS}>
      <Stack gap="lg">
        <IntelNav />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Stack>
    </RequireRole>
  );
}
