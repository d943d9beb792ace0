import type { NewTask, Task } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { OperationsRepository, type TaskRow } from './operations.repository.ts';
import { iso, type OperationsDeps, participantOf } from './operations.shared.ts';

export const TASK_OVERDUE_JOB = 'operations.task-overdue';

/** Tasks of an operation, assigned to participating agencies, with the overdue alert job. */
export class TasksService {
  private readonly repo = new OperationsRepository();
  constructor(private readonly d: OperationsDeps) {}

  async addTask(viewer: Viewer, operationId: string, input: NewTask, requestId?: string): Promise<Task> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await participantOf(tx, viewer, operationId);
      if (op.status === 'concluded' || op.status === 'archived') throw new ConflictError('The operation is over.');
      const active = await this.repo.activeParticipantIds(tx, operationId);
      if (!active.includes(input.assigneeAgencyId))
        throw ValidationError.field('assigneeAgencyId', 'tasks go to participating agencies only');
      const now = this.d.clock.now();
      const t = await tx
        .insertInto('operation_tasks')
        .values({
          operation_id: operationId,
          title: input.title,
          description: input.description,
          assignee_agency_id: input.assigneeAgencyId,
          due_at: new Date(input.dueAt),
          overdue_alerted_at: null,
          created_by_agency: viewer.agencyId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueue(tx, {
        kind: TASK_OVERDUE_JOB,
        runAt: new Date(input.dueAt),
        payload: { taskId: t.id },
        dedupeKey: `op-task-overdue:${t.id}`,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.task.added', objectType: 'operation-task', objectId: t.id, details: { operationId } },
      );
      await emit(tx, {
        topic: 'operations.task.assigned',
        data: { operationId, taskId: t.id, title: input.title },
        audience: { kind: 'agencies', agencyIds: [input.assigneeAgencyId] },
        occurredAt: now,
      });
      return t.id;
    });
    this.d.events.notify();
    return (await this.tasks(viewer, operationId)).find((t) => t.id === id) as Task;
  }

  async tasks(viewer: Viewer, operationId: string): Promise<Task[]> {
    const db = this.d.database.db;
    await participantOf(db, viewer, operationId);
    const now = this.d.clock.now();
    return (await this.repo.tasks(db, operationId)).map((t) => toTask(t, now));
  }

  async patchTask(viewer: Viewer, operationId: string, taskId: string, status: Task['status'], requestId?: string) {
    await this.d.database.transaction(async (tx) => {
      const { my } = await participantOf(tx, viewer, operationId);
      const t = await tx
        .selectFrom('operation_tasks')
        .selectAll()
        .where('id', '=', taskId)
        .where('operation_id', '=', operationId)
        .executeTakeFirst();
      if (!t) throw new NotFoundError('task');
      if (my !== 'lead' && t.assignee_agency_id !== viewer.agencyId)
        throw new ForbiddenError('Only the assigned agency or the lead may change a task.');
      if (t.status === 'done' || t.status === 'cancelled') throw new ConflictError(`The task is ${t.status}.`);
      if (status === 'cancelled' && my !== 'lead') throw new ForbiddenError('Only the lead agency cancels tasks.');
      await tx
        .updateTable('operation_tasks')
        .set({ status, updated_at: this.d.clock.now() })
        .where('id', '=', taskId)
        .execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.task.status',
          objectType: 'operation-task',
          objectId: taskId,
          details: { from: t.status, to: status },
        },
      );
    });
    return (await this.tasks(viewer, operationId)).find((t) => t.id === taskId) as Task;
  }

  /** Job: a task still open at its due date alerts its assignee and the lead, once. */
  readonly taskOverdue = async (job: JobContext<{ taskId: string }>) => {
    await job.transaction(async (tx) => {
      const t = await tx
        .selectFrom('operation_tasks')
        .selectAll()
        .where('id', '=', job.payload.taskId)
        .executeTakeFirst();
      if (!t || t.status === 'done' || t.status === 'cancelled' || t.overdue_alerted_at) return;
      if (t.due_at > job.now) return;
      const op = await tx
        .selectFrom('operations')
        .selectAll()
        .where('id', '=', t.operation_id)
        .executeTakeFirstOrThrow();
      await tx.updateTable('operation_tasks').set({ overdue_alerted_at: job.now }).where('id', '=', t.id).execute();
      await emit(tx, {
        topic: 'operations.task.overdue',
        data: { operationId: t.operation_id, taskId: t.id, title: t.title, dueAt: iso(t.due_at) },
        audience: { kind: 'agencies', agencyIds: [...new Set([t.assignee_agency_id, op.owner_agency_id])] },
        occurredAt: job.now,
      });
    });
    this.d.events.notify();
  };
}

function toTask(t: TaskRow, now: Date): Task {
  return {
    id: t.id,
    operationId: t.operation_id,
    title: t.title,
    description: t.description,
    assigneeAgencyId: t.assignee_agency_id,
    dueAt: iso(t.due_at),
    status: t.status as Task['status'],
    overdue: (t.status === 'open' || t.status === 'in-progress') && t.due_at <= now,
    createdAt: iso(t.created_at),
  };
}
