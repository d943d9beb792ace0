import type {
  Diffusion,
  NewDiffusion,
  NoticeDraft,
  NoticeReview,
  NoticeStatus,
  NoticeSummary,
  NoticeType,
  NoticeWithHistory,
} from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { queryString } from '../../intel/api/keys.ts';

export const noticeKeys = {
  all: ['notices'] as const,
  list: (f: object) => ['notices', 'list', f] as const,
  queue: ['notices', 'queue'] as const,
  one: (id: string) => ['notices', 'one', id] as const,
  diffusions: ['notices', 'diffusions'] as const,
  about: (entityId: string) => ['notices', 'about', entityId] as const,
};

export interface NoticeFilters {
  type?: NoticeType;
  status?: NoticeStatus;
  q?: string;
  mine?: boolean;
}

export const noticesQuery = (f: NoticeFilters) =>
  queryOptions({
    queryKey: noticeKeys.list(f),
    queryFn: () => api<NoticeSummary[]>('GET', `/api/notices${queryString({ ...f })}`),
  });
export const reviewQueueQuery = queryOptions({
  queryKey: noticeKeys.queue,
  queryFn: () => api<NoticeSummary[]>('GET', '/api/notices/review-queue'),
});
export const noticeQuery = (id: string) =>
  queryOptions({ queryKey: noticeKeys.one(id), queryFn: () => api<NoticeWithHistory>('GET', `/api/notices/${id}`) });
export const diffusionsQuery = queryOptions({
  queryKey: noticeKeys.diffusions,
  queryFn: () => api<Diffusion[]>('GET', '/api/notices/diffusions'),
});
/** For the intelligence entity page: notices about the entity (by id or its selector). */
export const aboutEntityQuery = (entityId: string) =>
  queryOptions({
    queryKey: noticeKeys.about(entityId),
    queryFn: () => api<NoticeSummary[]>('GET', `/api/notices/about-entity/${entityId}`),
  });

function useNoticesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }) });
}

export const useCreateNotice = () =>
  useNoticesMutation((b: NoticeDraft) => api<NoticeWithHistory>('POST', '/api/notices', b));
export const useUpdateNotice = (id: string) =>
  useNoticesMutation((b: NoticeDraft) => api<NoticeWithHistory>('PUT', `/api/notices/${id}`, b));
export const useSubmitNotice = (id: string) =>
  useNoticesMutation(() => api<NoticeWithHistory>('POST', `/api/notices/${id}/submit`));
export const useReviewNotice = (id: string) =>
  useNoticesMutation((b: NoticeReview) => api<NoticeWithHistory>('POST', `/api/notices/${id}/review`, b));
export const useCancelNotice = (id: string) =>
  useNoticesMutation((reason: string) => api<NoticeWithHistory>('POST', `/api/notices/${id}/cancel`, { reason }));
export const useSendDiffusion = () =>
  useNoticesMutation((b: NewDiffusion) => api<Diffusion>('POST', '/api/notices/diffusions', b));
