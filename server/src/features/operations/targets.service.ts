import type { NewTarget, OperationStatus, Target } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { Deconfliction } from './deconfliction.ts';
import { LIVE_STATUSES } from './lifecycle.ts';
import { OperationsRepository, type TargetRow } from './operations.repository.ts';
import { iso, type OperationsDeps, participantOf } from './operations.shared.ts';

/** An operation's targets, from intelligence entities or selectors, deconflicted as they are added. */
export class TargetsService {
  private readonly repo = new OperationsRepository();
  constructor(
    private readonly d: OperationsDeps,
    private readonly deconfliction: Deconfliction,
  ) {}

  async addTarget(viewer: Viewer, operationId: string, input: NewTarget, requestId?: string): Promise<Target> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await participantOf(tx, viewer, operationId);
      if (!LIVE_STATUSES.includes(op.status as OperationStatus)) {
        throw new ConflictError(`Targets are added while the operation is planned or active, not ${op.status}.`);
      }
      const owner = input.ownerAgencyId ?? viewer.agencyId;
      const active = await this.repo.activeParticipantIds(tx, operationId);
      if (!active.includes(owner))
        throw ValidationError.field('ownerAgencyId', 'the owner must be a participating agency');
      const keys = await this.deconfliction.keysFor(tx, viewer, input);
      await this.deconfliction.lock(tx, keys.matchKeys);
      const now = this.d.clock.now();
      const t = await tx
        .insertInto('operation_targets')
        .values({
          operation_id: operationId,
          owner_agency_id: owner,
          kind: keys.kind,
          entity_id: keys.entityId,
          selector_key: keys.selectorKey,
          label: keys.label,
          match_keys: keys.matchKeys,
          priority: input.priority,
          created_by_user: viewer.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const contact = await this.contactOf(tx, operationId, owner);
      const conflicts = await this.deconfliction.deconflict(tx, {
        agencyId: owner,
        operationId,
        targetId: t.id,
        registerId: null,
        label: keys.label,
        contact,
        keys: keys.matchKeys,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.target.added',
          objectType: 'operation-target',
          objectId: t.id,
          details: { operationId, kind: keys.kind, conflicts },
        },
      );
      return t.id;
    });
    this.d.events.notify();
    const targets = await this.targets(viewer, operationId);
    return targets.find((t) => t.id === id) as Target;
  }

  private async contactOf(db: Executor, operationId: string, agencyId: string): Promise<string> {
    const parts = await this.repo.participants(db, operationId);
    return (
      parts.find((p) => p.agency_id === agencyId)?.contact_point ??
      parts.find((p) => p.status === 'lead')?.contact_point ??
      'the agency’s operations desk'
    );
  }

  async targets(viewer: Viewer, operationId: string): Promise<Target[]> {
    const db = this.d.database.db;
    await participantOf(db, viewer, operationId);
    return (await this.repo.targets(db, operationId)).map(toTarget);
  }

  async patchTarget(
    viewer: Viewer,
    operationId: string,
    targetId: string,
    patch: { priority?: Target['priority'] | undefined; status?: Target['status'] | undefined },
    requestId?: string,
  ): Promise<Target> {
    await this.d.database.transaction(async (tx) => {
      const { op, my } = await participantOf(tx, viewer, operationId);
      const t = await tx
        .selectFrom('operation_targets')
        .selectAll()
        .where('id', '=', targetId)
        .where('operation_id', '=', operationId)
        .executeTakeFirst();
      if (!t) throw new NotFoundError('target');
      if (my !== 'lead' && t.owner_agency_id !== viewer.agencyId)
        throw new ForbiddenError('Only the target’s owner or the lead agency may change it.');
      if (op.status === 'archived') throw new ConflictError('The operation is archived.');
      await tx
        .updateTable('operation_targets')
        .set({
          ...(patch.priority ? { priority: patch.priority } : {}),
          ...(patch.status ? { status: patch.status } : {}),
        })
        .where('id', '=', targetId)
        .execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.target.changed',
          objectType: 'operation-target',
          objectId: targetId,
          details: { ...patch },
        },
      );
    });
    const targets = await this.targets(viewer, operationId);
    return targets.find((t) => t.id === targetId) as Target;
  }
}

function toTarget(t: TargetRow & { conflicts: number | string | null }): Target {
  return {
    id: t.id,
    operationId: t.operation_id,
    ownerAgencyId: t.owner_agency_id,
    kind: t.kind as Target['kind'],
    entityId: t.entity_id,
    selectorKey: t.selector_key,
    label: t.label,
    priority: t.priority as Target['priority'],
    status: t.status as Target['status'],
    conflicts: Number(t.conflicts ?? 0),
    createdAt: iso(t.created_at),
  };
}
