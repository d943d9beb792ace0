import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './app/i18n/index.ts';
import { createQueryClient } from './app/queryClient.ts';
import { createAppRouter } from './app/router.tsx';
import { colorSchemeManager, cssVariablesResolver, theme } from './app/theme.ts';

setupI18n();

let router: ReturnType<typeof createAppRouter> | undefined;
// A 401 on any later query means the session ended (expired, revoked): back to the login page.
const queryClient = createQueryClient(() => {
  const current = router?.latestLocation;
  if (router && current && current.pathname !== '/login') {
    queryClient.removeQueries({ queryKey: ['me'] });
    void router.navigate({ to: '/login', search: { redirect: current.href } });
  }
});
router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
