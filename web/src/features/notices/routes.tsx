import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { NoticesLayout } from './NoticesLayout.tsx';

const NoticesListPage = lazy(() => import('./pages/NoticesListPage.tsx').then((m) => ({ default: m.NoticesListPage })));
const ReviewQueuePage = lazy(() => import('./pages/NoticesListPage.tsx').then((m) => ({ default: m.ReviewQueuePage })));
const NoticeFormPage = lazy(() => import('./pages/NoticeFormPage.tsx').then((m) => ({ default: m.NoticeFormPage })));
const NoticePage = lazy(() => import('./pages/NoticePage.tsx').then((m) => ({ default: m.NoticePage })));
const DiffusionsPage = lazy(() => import('./pages/DiffusionsPage.tsx').then((m) => ({ default: m.DiffusionsPage })));

/** The Notices area, /notices/…, under the signed-in layout. */
export function createNoticesRoutes<P extends AnyRoute>(parent: P) {
  const area = createRoute({ getParentRoute: () => parent, path: 'notices', component: NoticesLayout });
  const list = createRoute({ getParentRoute: () => area, path: '/', component: NoticesListPage });
  const create = createRoute({ getParentRoute: () => area, path: 'new', component: () => <NoticeFormPage /> });
  const review = createRoute({ getParentRoute: () => area, path: 'review', component: ReviewQueuePage });
  const diffusions = createRoute({ getParentRoute: () => area, path: 'diffusions', component: DiffusionsPage });
  const one = createRoute({
    getParentRoute: () => area,
    path: '$noticeId',
    component: function Notice() {
      return <NoticePage noticeId={one.useParams().noticeId} />;
    },
  });
  const edit = createRoute({
    getParentRoute: () => area,
    path: '$noticeId/edit',
    component: function EditNotice() {
      return <NoticeFormPage noticeId={edit.useParams().noticeId} />;
    },
  });
  return area.addChildren([list, create, review, diffusions, one, edit]);
}
