import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { OperationsLayout } from './OperationsLayout.tsx';

const OperationsListPage = lazy(() =>
  import('./pages/OperationsListPage.tsx').then((m) => ({ default: m.OperationsListPage })),
);
const OperationPage = lazy(() => import('./pages/OperationPage.tsx').then((m) => ({ default: m.OperationPage })));
const DeconflictionPage = lazy(() =>
  import('./pages/DeconflictionPage.tsx').then((m) => ({ default: m.DeconflictionPage })),
);

/** The Operations area, /operations/…, under the signed-in layout. */
export function createOperationsRoutes<P extends AnyRoute>(parent: P) {
  const area = createRoute({ getParentRoute: () => parent, path: 'operations', component: OperationsLayout });
  const list = createRoute({ getParentRoute: () => area, path: '/', component: OperationsListPage });
  const deconfliction = createRoute({
    getParentRoute: () => area,
    path: 'deconfliction',
    component: DeconflictionPage,
  });
  const one = createRoute({
    getParentRoute: () => area,
    path: '$operationId',
    component: function Operation() {
      return <OperationPage operationId={one.useParams().operationId} />;
    },
  });
  return area.addChildren([list, deconfliction, one]);
}
