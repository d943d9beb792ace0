import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { FinanceLayout } from './FinanceLayout.tsx';

// Each page is its own chunk (the trace view carries d3-sankey).
const AccountsPage = lazy(() => import('./accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('./accounts/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const TracePage = lazy(() => import('./trace/TracePage.tsx').then((m) => ({ default: m.TracePage })));
const FreezesPage = lazy(() => import('./freezes/FreezesPage.tsx').then((m) => ({ default: m.FreezesPage })));
const RatesPage = lazy(() => import('./rates/RatesPage.tsx').then((m) => ({ default: m.RatesPage })));
const LedgerPage = lazy(() => import('./ledger/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Finance area, /finance/…, under the signed-in layout. */
export function createFinanceRoutes<P extends AnyRoute>(parent: P) {
  const financeRoute = createRoute({ getParentRoute: () => parent, path: 'finance', component: FinanceLayout });
  const accountsRoute = createRoute({ getParentRoute: () => financeRoute, path: '/', component: AccountsPage });
  const traceRoute = createRoute({
    getParentRoute: () => financeRoute,
    path: 'trace',
    validateSearch: (s: Record<string, unknown>): { accountId?: string; tx?: string } => ({
      ...(UUID.test(String(s.accountId)) ? { accountId: String(s.accountId) } : {}),
      ...(typeof s.tx === 'string' && s.tx ? { tx: s.tx } : {}),
    }),
    component: function Trace() {
      return <TracePage search={traceRoute.useSearch()} />;
    },
  });
  const accountRoute = createRoute({
    getParentRoute: () => financeRoute,
    path: 'accounts/$accountId',
    component: function Account() {
      return <AccountPage accountId={accountRoute.useParams().accountId} />;
    },
  });
  const freezesRoute = createRoute({ getParentRoute: () => financeRoute, path: 'freezes', component: FreezesPage });
  const ledgerRoute = createRoute({ getParentRoute: () => financeRoute, path: 'ledger', component: LedgerPage });
  const ratesRoute = createRoute({ getParentRoute: () => financeRoute, path: 'rates', component: RatesPage });
  return financeRoute.addChildren([accountsRoute, accountRoute, traceRoute, freezesRoute, ledgerRoute, ratesRoute]);
}
