import type { Marking, NewOperation, Operation, OperationStatus, OperationSummary } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, type FieldError, ValidationError } from '../../platform/http/errors.ts';
import { fromColumns, type MarkingColumns, toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { canMove } from './lifecycle.ts';
import { type OperationRow, OperationsRepository } from './operations.repository.ts';
import { fail, iso, leadOf, type OperationsDeps, reader, visibleOperation } from './operations.shared.ts';

/**
 * Joint operations: planning with invitations, participation and status. An operation is marked
 * like any record: its lead owns it and its audience is the agencies invited; every part beyond
 * the header (targets, tasks, channel, results: their own services) is for participants only.
 */
export class OperationsService {
  readonly repo = new OperationsRepository();
  constructor(private readonly d: OperationsDeps) {}

  async create(viewer: Viewer, input: NewOperation, requestId?: string): Promise<Operation> {
    const errors: FieldError[] = [];
    if (input.periodEnd < input.periodStart) errors.push({ field: 'periodEnd', message: 'ends before it starts' });
    const invited = input.invitedAgencyIds.filter((id) => id !== viewer.agencyId);
    const known = await agencyInfos(this.d.database.db, invited);
    input.invitedAgencyIds.forEach((id, i) => {
      if (id === viewer.agencyId)
        errors.push({ field: `invitedAgencyIds.${i}`, message: 'the lead agency is not invited' });
      else if (!known.has(id)) errors.push({ field: `invitedAgencyIds.${i}`, message: 'no such agency' });
    });
    const marking: Marking = {
      tlp: input.tlp ?? 'AMBER',
      pap: input.pap ?? 'AMBER',
      reliability: 'F',
      credibility: '6',
      audience: { kind: 'agencies', agencyIds: [viewer.agencyId, ...invited] },
    };
    errors.push(...validateMarking(marking, 'marking'));
    if (errors.length > 0) fail(errors);
    const now = this.d.clock.now();
    const id = await this.d.database
      .transaction(async (tx) => {
        const op = await tx
          .insertInto('operations')
          .values({
            owner_agency_id: viewer.agencyId,
            code_name: input.codeName.trim(),
            objectives: input.objectives,
            period_start: input.periodStart,
            period_end: input.periodEnd,
            ...toColumns(marking),
            created_by_user: viewer.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('operation_participants')
          .values([
            {
              operation_id: op.id,
              agency_id: viewer.agencyId,
              status: 'lead',
              contact_point: input.contactPoint,
              invited_at: now,
              responded_at: now,
            },
            ...invited.map((a) => ({
              operation_id: op.id,
              agency_id: a,
              status: 'invited',
              contact_point: null,
              invited_at: now,
              responded_at: null,
            })),
          ])
          .execute();
        await this.d.audit(
          tx,
          { viewer, requestId: requestId ?? null },
          {
            action: 'operations.created',
            objectType: 'operation',
            objectId: op.id,
            details: { invited: invited.length },
          },
        );
        if (invited.length > 0) {
          await emit(tx, {
            topic: 'operations.invitation',
            data: { operationId: op.id, codeName: input.codeName.trim() },
            audience: { kind: 'agencies', agencyIds: invited },
            occurredAt: now,
          });
        }
        return op.id;
      })
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '23505')
          throw ValidationError.field('codeName', 'your agency already uses this code name');
        throw e;
      });
    this.d.events.notify();
    return this.get(viewer, id);
  }

  async list(viewer: Viewer, o: { status?: OperationStatus } = {}): Promise<OperationSummary[]> {
    const rows = await this.repo.list(this.d.database.db, reader(viewer), o);
    return rows.map((r) => ({
      id: r.id,
      codeName: r.code_name,
      leadAgencyId: r.owner_agency_id,
      leadAgencyName: r.lead_name,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      status: r.status as OperationStatus,
      tlp: r.tlp,
      myStatus: (r.my_status ?? 'invited') as OperationSummary['myStatus'],
      participants: Number(r.participants ?? 0),
      targets: Number(r.targets ?? 0),
      openConflicts: Number(r.open_conflicts ?? 0),
    }));
  }

  async get(viewer: Viewer, id: string): Promise<Operation> {
    const db = this.d.database.db;
    const { op, my } = await visibleOperation(db, viewer, id);
    return this.toOperation(db, op, my);
  }

  private async toOperation(db: Executor, op: OperationRow, my: string): Promise<Operation> {
    const parts = await this.repo.participants(db, op.id);
    return {
      id: op.id,
      codeName: op.code_name,
      leadAgencyId: op.owner_agency_id,
      objectives: op.objectives,
      periodStart: op.period_start,
      periodEnd: op.period_end,
      status: op.status as OperationStatus,
      marking: fromColumns(op as unknown as MarkingColumns),
      participants: parts.map((p) => ({
        agencyId: p.agency_id,
        agencyName: p.name,
        country: p.country,
        status: p.status as Operation['participants'][number]['status'],
        contactPoint: p.contact_point,
        respondedAt: p.responded_at ? iso(p.responded_at) : null,
      })),
      myStatus: my as Operation['myStatus'],
      summaryPublished: op.summary_published,
      createdAt: iso(op.created_at),
    };
  }

  async transition(viewer: Viewer, id: string, to: OperationStatus, requestId?: string): Promise<Operation> {
    await this.d.database.transaction(async (tx) => {
      const { op } = await leadOf(tx, viewer, id);
      const from = op.status as OperationStatus;
      if (!canMove(from, to)) throw new ConflictError(`An operation cannot go from ${from} to ${to}.`);
      const res = await tx
        .updateTable('operations')
        .set({ status: to, updated_at: this.d.clock.now() })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new ConflictError('The operation changed meanwhile; reload it.');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.status', objectType: 'operation', objectId: id, details: { from, to } },
      );
      await emit(tx, {
        topic: 'operations.status',
        data: { operationId: id, status: to },
        audience: { kind: 'agencies', agencyIds: await this.repo.activeParticipantIds(tx, id) },
        occurredAt: this.d.clock.now(),
      });
    });
    this.d.events.notify();
    return this.get(viewer, id);
  }

  async invite(viewer: Viewer, id: string, agencyIds: string[], requestId?: string): Promise<Operation> {
    await this.d.database.transaction(async (tx) => {
      const { op } = await leadOf(tx, viewer, id);
      if (op.status === 'concluded' || op.status === 'archived') throw new ConflictError('The operation is over.');
      const known = await agencyInfos(tx, agencyIds);
      const errors: FieldError[] = [];
      const existing = new Set((await this.repo.participants(tx, id)).map((p) => p.agency_id));
      agencyIds.forEach((a, i) => {
        if (!known.has(a)) errors.push({ field: `agencyIds.${i}`, message: 'no such agency' });
        else if (existing.has(a) && a === viewer.agencyId)
          errors.push({ field: `agencyIds.${i}`, message: 'the lead agency' });
      });
      if (errors.length > 0) fail(errors);
      const now = this.d.clock.now();
      for (const a of agencyIds) {
        await tx
          .insertInto('operation_participants')
          .values({
            operation_id: id,
            agency_id: a,
            status: 'invited',
            contact_point: null,
            invited_at: now,
            responded_at: null,
          })
          .onConflict((oc) =>
            oc
              .columns(['operation_id', 'agency_id'])
              .doUpdateSet({ status: 'invited', responded_at: null, invited_at: now }),
          )
          .execute();
      }
      const audience = [...new Set([...op.audience_agencies, ...agencyIds])];
      await tx
        .updateTable('operations')
        .set({ audience_agencies: audience, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.invited', objectType: 'operation', objectId: id, details: { agencies: agencyIds } },
      );
      await emit(tx, {
        topic: 'operations.invitation',
        data: { operationId: id, codeName: op.code_name },
        audience: { kind: 'agencies', agencyIds },
        occurredAt: now,
      });
    });
    this.d.events.notify();
    return this.get(viewer, id);
  }

  /** An invited agency accepts (naming its contact point) or declines; declining takes it out of the audience. */
  async answer(
    viewer: Viewer,
    id: string,
    a: { accept: boolean; contactPoint?: string | undefined },
    requestId?: string,
  ): Promise<Operation> {
    if (a.accept && !a.contactPoint) throw ValidationError.field('contactPoint', 'name a contact point to accept');
    const result = await this.d.database.transaction(async (tx) => {
      const { op, my } = await visibleOperation(tx, viewer, id);
      if (my !== 'invited') throw new ConflictError(`Your agency is ${my} in this operation, not invited.`);
      const now = this.d.clock.now();
      await tx
        .updateTable('operation_participants')
        .set({ status: a.accept ? 'accepted' : 'declined', contact_point: a.contactPoint ?? null, responded_at: now })
        .where('operation_id', '=', id)
        .where('agency_id', '=', viewer.agencyId)
        .execute();
      if (!a.accept) {
        await tx
          .updateTable('operations')
          .set({ audience_agencies: op.audience_agencies.filter((x) => x !== viewer.agencyId), updated_at: now })
          .where('id', '=', id)
          .execute();
      }
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: a.accept ? 'operations.accepted' : 'operations.declined', objectType: 'operation', objectId: id },
      );
      await emit(tx, {
        topic: 'operations.participation',
        data: { operationId: id, agencyId: viewer.agencyId, accepted: a.accept },
        audience: { kind: 'agencies', agencyIds: [op.owner_agency_id] },
        occurredAt: now,
      });
      return a.accept;
    });
    this.d.events.notify();
    if (!result) return { ...(await this.headerAfterDecline(id)), myStatus: 'declined' };
    return this.get(viewer, id);
  }

  private async headerAfterDecline(id: string): Promise<Operation> {
    const db = this.d.database.db;
    const op = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const o = await this.toOperation(db, op, 'declined');
    return { ...o, participants: [], objectives: '' };
  }
}
