import type { Message } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError } from '../../platform/http/errors.ts';
import { OperationsRepository } from './operations.repository.ts';
import { iso, type OperationsDeps, participantOf } from './operations.shared.ts';

/** The participants' channel of an operation. */
export class ChannelService {
  private readonly repo = new OperationsRepository();
  constructor(private readonly d: OperationsDeps) {}

  async post(viewer: Viewer, operationId: string, body: string, requestId?: string): Promise<Message> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await participantOf(tx, viewer, operationId);
      if (op.status === 'archived') throw new ConflictError('The operation is archived.');
      const now = this.d.clock.now();
      const m = await tx
        .insertInto('operation_messages')
        .values({
          operation_id: operationId,
          agency_id: viewer.agencyId,
          user_id: viewer.userId,
          body,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.channel.posted',
          objectType: 'operation-message',
          objectId: m.id,
          details: { operationId },
        },
      );
      await emit(tx, {
        topic: 'operations.message',
        data: { operationId, messageId: m.id },
        audience: { kind: 'agencies', agencyIds: await this.repo.activeParticipantIds(tx, operationId) },
        occurredAt: now,
      });
      return m.id;
    });
    this.d.events.notify();
    return (await this.messages(viewer, operationId, 200, { audit: false })).find((m) => m.id === id) as Message;
  }

  async messages(viewer: Viewer, operationId: string, limit = 200, o = { audit: true }): Promise<Message[]> {
    const db = this.d.database.db;
    await participantOf(db, viewer, operationId);
    if (o.audit) {
      await this.d.database.transaction((tx) =>
        this.d.audit(
          tx,
          { viewer },
          { action: 'operations.channel.read', objectType: 'operation', objectId: operationId },
        ),
      );
    }
    const rows = await this.repo.messages(db, operationId, limit);
    return rows.reverse().map((m) => ({
      id: m.id,
      operationId: m.operation_id,
      agencyId: m.agency_id,
      agencyName: m.agency_name,
      body: m.body,
      createdAt: iso(m.created_at),
    }));
  }
}
