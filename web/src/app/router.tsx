import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { SecurityPage } from '../features/account/SecurityPage.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { AgenciesPage } from '../features/admin/agencies/AgenciesPage.tsx';
import { TokensPage } from '../features/admin/tokens/TokensPage.tsx';
import { UsersPage } from '../features/admin/users/UsersPage.tsx';
import { ComingSoon } from '../features/areas/ComingSoon.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { createAwarenessRoutes } from '../features/awareness/routes.tsx';
import { createFinanceRoutes } from '../features/finance/routes.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { createIntelRoutes } from '../features/intel/routes.tsx';
import { createNoticesRoutes } from '../features/notices/routes.tsx';
import { createOperationsRoutes } from '../features/operations/routes.tsx';
import { createRescueRoutes } from '../features/rescue/routes.tsx';
import { isApiError } from './api.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import type { AreaKey } from './nav.ts';
import { NotFound, PendingPage, RouteError } from './RouteFallbacks.tsx';
import { meQuery } from './session.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
  pendingComponent: PendingPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context }) => {
    let signedIn = false;
    try {
      await context.queryClient.ensureQueryData(meQuery);
      signedIn = true;
    } catch {
      // not signed in: show the form
    }
    if (signedIn) throw redirect({ to: '/' });
  },
  component: function Login() {
    const { redirect: to } = loginRoute.useSearch();
    return <LoginPage redirectTo={to} />;
  },
});

/** Everything below needs a session; 401 from /api/auth/me sends the user to the login page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
      }
      throw e;
    }
  },
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const areaRoute = <P extends string>(path: P, area: AreaKey) =>
  createRoute({ getParentRoute: () => appRoute, path, component: () => <ComingSoon area={area} /> });

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    createIntelRoutes(appRoute),
    createOperationsRoutes(appRoute),
    createFinanceRoutes(appRoute),
    createRescueRoutes(appRoute),
    createNoticesRoutes(appRoute),
    createAwarenessRoutes(appRoute),
    areaRoute('/trends', 'trends'),
    createRoute({ getParentRoute: () => appRoute, path: '/admin', component: AdminPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/users', component: UsersPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/tokens', component: TokensPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/agencies', component: AgenciesPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/account/security', component: SecurityPage }),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/console',
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
