import type { Conflict } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { type ConflictRow, OperationsRepository } from './operations.repository.ts';
import { iso, type OperationsDeps, participantOf } from './operations.shared.ts';

/** Deconfliction conflicts as each side sees them: list, acknowledge, resolve. */
export class ConflictsService {
  private readonly repo = new OperationsRepository();
  constructor(private readonly d: OperationsDeps) {}

  async conflicts(viewer: Viewer, o: { operationId?: string; status?: string } = {}): Promise<Conflict[]> {
    const db = this.d.database.db;
    if (o.operationId) await participantOf(db, viewer, o.operationId);
    const rows = await this.repo.conflictsOf(db, viewer.agencyId, o);
    const infos = await agencyInfos(
      db,
      rows.flatMap((r) => [r.a_agency_id, r.b_agency_id]),
    );
    return rows.map((r) => toConflict(r, viewer.agencyId, infos));
  }

  async acknowledge(viewer: Viewer, id: string, requestId?: string): Promise<Conflict> {
    await this.d.database.transaction(async (tx) => {
      const c = await this.conflictFor(tx, viewer, id);
      const side =
        c.a_agency_id === viewer.agencyId && c.a_ack_at === null
          ? 'a'
          : c.b_agency_id === viewer.agencyId && c.b_ack_at === null
            ? 'b'
            : null;
      if (!side) throw new ConflictError('Your agency already acknowledged this conflict.');
      const now = this.d.clock.now();
      const both = side === 'a' ? c.b_ack_at !== null : c.a_ack_at !== null;
      await tx
        .updateTable('deconfliction_conflicts')
        .set({
          ...(side === 'a' ? { a_ack_at: now, a_ack_by: viewer.userId } : { b_ack_at: now, b_ack_by: viewer.userId }),
          ...(both && c.status === 'open' ? { status: 'acknowledged' } : {}),
        })
        .where('id', '=', id)
        .execute();
      await this.conflictEvent(tx, viewer, c, 'operations.conflict.acknowledged', requestId);
    });
    this.d.events.notify();
    return this.conflictView(viewer, id);
  }

  async resolve(viewer: Viewer, id: string, resolution: string, requestId?: string): Promise<Conflict> {
    await this.d.database.transaction(async (tx) => {
      const c = await this.conflictFor(tx, viewer, id);
      if (c.status === 'resolved') throw new ConflictError('This conflict is already resolved.');
      if (c.status !== 'acknowledged')
        throw new ConflictError('Both agencies must acknowledge the conflict before it is resolved.');
      await tx
        .updateTable('deconfliction_conflicts')
        .set({ status: 'resolved', resolution, resolved_by_agency: viewer.agencyId, resolved_at: this.d.clock.now() })
        .where('id', '=', id)
        .execute();
      await this.conflictEvent(tx, viewer, c, 'operations.conflict.resolved', requestId);
    });
    this.d.events.notify();
    return this.conflictView(viewer, id);
  }

  private async conflictFor(db: Executor, viewer: Viewer, id: string): Promise<ConflictRow> {
    const c = await this.repo.conflict(db, id);
    if (!c || (c.a_agency_id !== viewer.agencyId && c.b_agency_id !== viewer.agencyId))
      throw new NotFoundError('conflict');
    return c;
  }

  private async conflictView(viewer: Viewer, id: string): Promise<Conflict> {
    const db = this.d.database.db;
    const c = await this.conflictFor(db, viewer, id);
    return toConflict(c, viewer.agencyId, await agencyInfos(db, [c.a_agency_id, c.b_agency_id]));
  }

  private async conflictEvent(tx: Tx, viewer: Viewer, c: ConflictRow, topic: string, requestId?: string) {
    await this.d.audit(
      tx,
      { viewer, requestId: requestId ?? null },
      { action: topic, objectType: 'conflict', objectId: c.id },
    );
    await emit(tx, {
      topic,
      data: { conflictId: c.id },
      audience: { kind: 'agencies', agencyIds: [...new Set([c.a_agency_id, c.b_agency_id])] },
      occurredAt: this.d.clock.now(),
    });
  }
}

function toConflict(c: ConflictRow, agencyId: string, infos: Map<string, { name: string; country: string }>): Conflict {
  const mineIsA = c.a_agency_id === agencyId;
  const other = mineIsA ? c.b_agency_id : c.a_agency_id;
  const info = infos.get(other);
  return {
    id: c.id,
    status: c.status as Conflict['status'],
    matchLabel: mineIsA ? c.a_label : c.b_label,
    mine: {
      operationId: mineIsA ? c.a_operation_id : c.b_operation_id,
      targetId: mineIsA ? c.a_target_id : c.b_target_id,
      registerEntryId: mineIsA ? c.a_register_id : c.b_register_id,
      acknowledgedAt: (mineIsA ? c.a_ack_at : c.b_ack_at)?.toISOString() ?? null,
    },
    other: {
      agencyId: other,
      agencyName: info?.name ?? '',
      country: info?.country ?? 'XX',
      contactPoint: mineIsA ? c.b_contact : c.a_contact,
      acknowledged: (mineIsA ? c.b_ack_at : c.a_ack_at) !== null,
    },
    resolution: c.resolution,
    resolvedAt: c.resolved_at?.toISOString() ?? null,
    createdAt: iso(c.created_at),
  };
}
