import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import type { CentreStatus } from './api/types.ts';
import { IntelLayout } from './IntelLayout.tsx';
import type { InboxTab } from './inbox/InboxPage.tsx';
import { CENTRE_STATUS_LIST } from './shared/palette.ts';

// Every page of the area is its own chunk: the console's shell stays light, and the graph (Sigma.js,
// graphology) and the map (d3-geo, world atlas) are loaded only when opened.
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const NewReportPage = lazy(() => import('./form/NewReportPage.tsx').then((m) => ({ default: m.NewReportPage })));
const ReportPage = lazy(() => import('./report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const HitPage = lazy(() => import('./hits/HitPage.tsx').then((m) => ({ default: m.HitPage })));
const InboxPage = lazy(() => import('./inbox/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const SearchPage = lazy(() => import('./search/SearchPage.tsx').then((m) => ({ default: m.SearchPage })));
const EntityPage = lazy(() => import('./entity/EntityPage.tsx').then((m) => ({ default: m.EntityPage })));
const NetworksPage = lazy(() => import('./networks/NetworksPage.tsx').then((m) => ({ default: m.NetworksPage })));
const MapPage = lazy(() => import('./map/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const TaxonomyPage = lazy(() => import('./taxonomy/TaxonomyPage.tsx').then((m) => ({ default: m.TaxonomyPage })));
const WatchlistPage = lazy(() => import('./watchlist/WatchlistPage.tsx').then((m) => ({ default: m.WatchlistPage })));

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Intelligence area, /intel/…, under the signed-in layout. */
export function createIntelRoutes<P extends AnyRoute>(parent: P) {
  const intelRoute = createRoute({ getParentRoute: () => parent, path: 'intel', component: IntelLayout });

  const reportsRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: '/',
    validateSearch: (s: Record<string, unknown>): { mine?: boolean; moTag?: string; page?: number } => ({
      ...(s.mine === true || s.mine === 'true' ? { mine: true } : {}),
      ...(str(s.moTag) ? { moTag: str(s.moTag) } : {}),
      ...(Number(s.page) > 1 ? { page: Math.floor(Number(s.page)) } : {}),
    }),
    component: function Reports() {
      return <ReportsPage search={reportsRoute.useSearch()} />;
    },
  });

  const newReportRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'reports/new',
    component: NewReportPage,
  });

  const reportRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'reports/$reportId',
    validateSearch: (s: Record<string, unknown>): { created?: boolean } =>
      s.created === true || s.created === 'true' ? { created: true } : {},
    component: function Report() {
      return <ReportPage reportId={reportRoute.useParams().reportId} created={reportRoute.useSearch().created} />;
    },
  });

  const hitRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'hits/$hitId',
    component: function Hit() {
      return <HitPage hitId={hitRoute.useParams().hitId} />;
    },
  });

  const inboxRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'inbox',
    validateSearch: (s: Record<string, unknown>): { tab?: InboxTab } =>
      s.tab === 'disclosures' ? { tab: 'disclosures' } : {},
    component: function Inbox() {
      return <InboxPage tab={inboxRoute.useSearch().tab ?? 'alerts'} />;
    },
  });

  const searchRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'search',
    validateSearch: (s: Record<string, unknown>): { q?: string } => (str(s.q) ? { q: str(s.q) } : {}),
    component: function Search() {
      return <SearchPage q={searchRoute.useSearch().q ?? ''} />;
    },
  });

  const entityRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'entities/$entityId',
    validateSearch: (s: Record<string, unknown>): { hops?: number } =>
      [1, 2, 3].includes(Number(s.hops)) ? { hops: Number(s.hops) } : {},
    component: function Entity() {
      return <EntityPage entityId={entityRoute.useParams().entityId} hops={entityRoute.useSearch().hops ?? 2} />;
    },
  });

  const networksRoute = createRoute({ getParentRoute: () => intelRoute, path: 'networks', component: NetworksPage });

  const mapRoute = createRoute({
    getParentRoute: () => intelRoute,
    path: 'map',
    validateSearch: (
      s: Record<string, unknown>,
    ): { moTag?: string; from?: string; to?: string; status?: CentreStatus } => ({
      ...(str(s.moTag) ? { moTag: str(s.moTag) } : {}),
      ...(CENTRE_STATUS_LIST.includes(s.status as CentreStatus) ? { status: s.status as CentreStatus } : {}),
      ...(DATE.test(String(s.from)) ? { from: String(s.from) } : {}),
      ...(DATE.test(String(s.to)) ? { to: String(s.to) } : {}),
    }),
    component: function MapRoute() {
      return <MapPage filters={mapRoute.useSearch()} />;
    },
  });

  const watchlistRoute = createRoute({ getParentRoute: () => intelRoute, path: 'watchlist', component: WatchlistPage });

  const taxonomyRoute = createRoute({ getParentRoute: () => intelRoute, path: 'taxonomy', component: TaxonomyPage });

  return intelRoute.addChildren([
    reportsRoute,
    newReportRoute,
    reportRoute,
    hitRoute,
    inboxRoute,
    searchRoute,
    entityRoute,
    networksRoute,
    mapRoute,
    watchlistRoute,
    taxonomyRoute,
  ]);
}
