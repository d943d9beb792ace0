import type {
  Conflict,
  Message,
  NewOperation,
  NewRegisterEntry,
  NewResult,
  NewTarget,
  NewTask,
  Operation,
  OperationStatus,
  OperationSummary,
  PublicSummary,
  RegisterEntry,
  ResultsDashboard,
  Target,
  Task,
} from '@cordon/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';

/** Query keys of the operations area; `['operations']` invalidates all of them. */
export const opsKeys = {
  all: ['operations'] as const,
  list: ['operations', 'list'] as const,
  one: (id: string) => ['operations', 'one', id] as const,
  part: (id: string, part: string) => ['operations', 'part', id, part] as const,
  conflicts: (operationId?: string) => ['operations', 'conflicts', operationId ?? 'all'] as const,
  register: ['operations', 'register'] as const,
};

export const operationsQuery = queryOptions({
  queryKey: opsKeys.list,
  queryFn: () => api<OperationSummary[]>('GET', '/api/operations'),
});
export const operationQuery = (id: string) =>
  queryOptions({ queryKey: opsKeys.one(id), queryFn: () => api<Operation>('GET', `/api/operations/${id}`) });
export const targetsQuery = (id: string) =>
  queryOptions({
    queryKey: opsKeys.part(id, 'targets'),
    queryFn: () => api<Target[]>('GET', `/api/operations/${id}/targets`),
  });
export const tasksQuery = (id: string) =>
  queryOptions({
    queryKey: opsKeys.part(id, 'tasks'),
    queryFn: () => api<Task[]>('GET', `/api/operations/${id}/tasks`),
  });
export const messagesQuery = (id: string) =>
  queryOptions({
    queryKey: opsKeys.part(id, 'messages'),
    queryFn: () => api<Message[]>('GET', `/api/operations/${id}/messages`),
  });
export const resultsQuery = (id: string) =>
  queryOptions({
    queryKey: opsKeys.part(id, 'results'),
    queryFn: () => api<ResultsDashboard>('GET', `/api/operations/${id}/results`),
  });
export const summaryQuery = (id: string) =>
  queryOptions({
    queryKey: opsKeys.part(id, 'summary'),
    queryFn: () => api<PublicSummary>('GET', `/api/operations/${id}/public-summary`),
  });
export const conflictsQuery = (operationId?: string) =>
  queryOptions({
    queryKey: opsKeys.conflicts(operationId),
    queryFn: () =>
      api<Conflict[]>('GET', `/api/operations/conflicts${operationId ? `?operationId=${operationId}` : ''}`),
  });
export const registerQuery = queryOptions({
  queryKey: opsKeys.register,
  queryFn: () => api<RegisterEntry[]>('GET', '/api/operations/register'),
});

function useOpsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: opsKeys.all }) });
}

export const useCreateOperation = () =>
  useOpsMutation((b: NewOperation) => api<Operation>('POST', '/api/operations', b));
export const useTransition = (id: string) =>
  useOpsMutation((status: OperationStatus) => api<Operation>('POST', `/api/operations/${id}/status`, { status }));
export const useAnswer = (id: string) =>
  useOpsMutation((b: { accept: boolean; contactPoint?: string }) =>
    api<Operation>('POST', `/api/operations/${id}/participation`, b),
  );
export const useAddTarget = (id: string) =>
  useOpsMutation((b: NewTarget) => api<Target>('POST', `/api/operations/${id}/targets`, b));
export const usePatchTarget = (id: string) =>
  useOpsMutation(({ targetId, ...b }: { targetId: string; status?: Target['status']; priority?: Target['priority'] }) =>
    api<Target>('PATCH', `/api/operations/${id}/targets/${targetId}`, b),
  );
export const useAcknowledge = () =>
  useOpsMutation((conflictId: string) => api<Conflict>('POST', `/api/operations/conflicts/${conflictId}/acknowledge`));
export const useResolve = () =>
  useOpsMutation(({ conflictId, resolution }: { conflictId: string; resolution: string }) =>
    api<Conflict>('POST', `/api/operations/conflicts/${conflictId}/resolve`, { resolution }),
  );
export const useAddTask = (id: string) =>
  useOpsMutation((b: NewTask) => api<Task>('POST', `/api/operations/${id}/tasks`, b));
export const usePatchTask = (id: string) =>
  useOpsMutation(({ taskId, status }: { taskId: string; status: Task['status'] }) =>
    api<Task>('PATCH', `/api/operations/${id}/tasks/${taskId}`, { status }),
  );
export const usePost = (id: string) =>
  useOpsMutation((body: string) => api<Message>('POST', `/api/operations/${id}/messages`, { body }));
export const useReport = (id: string) =>
  useOpsMutation((b: NewResult) => api<unknown>('POST', `/api/operations/${id}/results`, b));
export const usePublishSummary = (id: string) =>
  useOpsMutation(() => api<PublicSummary>('POST', `/api/operations/${id}/public-summary/publish`));
export const useAddRegisterEntry = () =>
  useOpsMutation((b: NewRegisterEntry) => api<RegisterEntry>('POST', '/api/operations/register', b));
export const useWithdrawRegisterEntry = () =>
  useOpsMutation((id: string) => api<void>('DELETE', `/api/operations/register/${id}`));
