import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { RescueLayout } from './RescueLayout.tsx';

const BoardPage = lazy(() => import('./BoardPage.tsx').then((m) => ({ default: m.BoardPage })));
const NewCasePage = lazy(() => import('./NewCasePage.tsx').then((m) => ({ default: m.NewCasePage })));
const CasePage = lazy(() => import('./CasePage.tsx').then((m) => ({ default: m.CasePage })));
const RegisterPage = lazy(() => import('./RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));
const DashboardPage = lazy(() => import('./DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

const UUID = /^[0-9a-f-]{36}$/i;

/** The Rescue area, /rescue/…, under the signed-in layout. */
export function createRescueRoutes<P extends AnyRoute>(parent: P) {
  const rescueRoute = createRoute({ getParentRoute: () => parent, path: 'rescue', component: RescueLayout });
  const boardRoute = createRoute({ getParentRoute: () => rescueRoute, path: '/', component: BoardPage });
  const newRoute = createRoute({ getParentRoute: () => rescueRoute, path: 'new', component: NewCasePage });
  const caseRoute = createRoute({
    getParentRoute: () => rescueRoute,
    path: 'cases/$caseId',
    component: function Case() {
      return <CasePage caseId={caseRoute.useParams().caseId} />;
    },
  });
  const registerRoute = createRoute({
    getParentRoute: () => rescueRoute,
    path: 'cases/$caseId/register',
    component: function Register() {
      return <RegisterPage caseId={registerRoute.useParams().caseId} />;
    },
  });
  const dashboardRoute = createRoute({
    getParentRoute: () => rescueRoute,
    path: 'dashboard',
    validateSearch: (s: Record<string, unknown>): { caseId?: string } =>
      typeof s.caseId === 'string' && UUID.test(s.caseId) ? { caseId: s.caseId } : {},
    component: function Dashboard() {
      return <DashboardPage caseId={dashboardRoute.useSearch().caseId} />;
    },
  });
  return rescueRoute.addChildren([boardRoute, newRoute, caseRoute, registerRoute, dashboardRoute]);
}
