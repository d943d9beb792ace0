import type {
  Conflict,
  Marking,
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
import { sql } from 'kysely';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { fromColumns, type MarkingColumns, toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { isoNumeric } from './iso-numeric.ts';
import { canMove, LIVE_STATUSES, REPORTING_STATUSES, summaryText, targetKindOfSelector } from './lifecycle.ts';
import {
  type ConflictRow,
  type OperationRow,
  OperationsRepository,
  type RegisterRow,
  type ResultRow,
  type TargetRow,
  type TaskRow,
} from './operations.repository.ts';

export interface OperationsDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
}

export const TASK_OVERDUE_JOB = 'operations.task-overdue';
const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });
const iso = (d: Date) => d.toISOString();

function fail(errors: FieldError[]): never {
  throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** What a target or register entry meets others on. */
interface Keys {
  kind: Target['kind'];
  entityId: string | null;
  selectorKey: string | null;
  label: string;
  matchKeys: string[];
}

/**
 * Joint operations: planning with invitations, targets from intelligence with deconfliction,
 * tasks, the participants' channel and results. An operation is marked like any record: its
 * lead owns it and its audience is the agencies invited; every part beyond the header is for
 * participants (lead and agencies that accepted) only.
 */
export class OperationsService {
  readonly repo = new OperationsRepository();
  private readonly intel = new ReportsRepository();
  constructor(private readonly d: OperationsDeps) {}

  // ---- planning -------------------------------------------------------------------------

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
    const { op, my } = await this.visible(db, viewer, id);
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

  /** The operation if the viewer's agency is in its audience (else 404), with the viewer's standing. */
  private async visible(db: Executor, viewer: Viewer, id: string): Promise<{ op: OperationRow; my: string }> {
    const op = await this.repo.visible(db, reader(viewer), id);
    if (!op) throw new NotFoundError('operation');
    const p = await this.repo.participant(db, id, viewer.agencyId);
    return { op, my: p?.status ?? 'invited' };
  }

  /** Lead or accepted participant; an invited agency that has not accepted sees only the header. */
  private async participantOf(db: Executor, viewer: Viewer, id: string) {
    const v = await this.visible(db, viewer, id);
    if (v.my !== 'lead' && v.my !== 'accepted') {
      throw new ForbiddenError('Only participating agencies (the lead and those that accepted) see this part.');
    }
    return v;
  }

  private async leadOf(db: Executor, viewer: Viewer, id: string) {
    const v = await this.visible(db, viewer, id);
    if (v.my !== 'lead') throw new ForbiddenError('Only the lead agency may do this.');
    return v;
  }

  async transition(viewer: Viewer, id: string, to: OperationStatus, requestId?: string): Promise<Operation> {
    await this.d.database.transaction(async (tx) => {
      const { op } = await this.leadOf(tx, viewer, id);
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
      const { op } = await this.leadOf(tx, viewer, id);
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
      const { op, my } = await this.visible(tx, viewer, id);
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

  // ---- targets and deconfliction -----------------------------------------------------------

  private async keysFor(
    db: Executor,
    viewer: Viewer,
    input: { entityId?: string | undefined; selector?: NewTarget['selector']; label?: string | undefined },
  ): Promise<Keys> {
    if ((input.entityId ? 1 : 0) + (input.selector ? 1 : 0) !== 1) {
      throw ValidationError.field('entityId', 'give exactly one of entityId (an intelligence entity) or selector');
    }
    if (input.entityId) {
      const [e] = await this.intel.visibleEntities(db, reader(viewer), [input.entityId]);
      if (!e) throw new NotFoundError(`intelligence entity ${input.entityId} (entityId)`);
      const partners = await this.repo.hitPartners(db, e.id);
      const keys = [`entity:${e.id}`, ...partners.map((p) => `entity:${p}`)];
      if (e.key) keys.push(e.key);
      const kind: Target['kind'] =
        e.kind === 'selector' ? targetKindOfSelector(e.selector_kind ?? '') : (e.kind as Target['kind']);
      return { kind, entityId: e.id, selectorKey: e.key, label: input.label ?? e.label, matchKeys: [...new Set(keys)] };
    }
    const s = input.selector as NonNullable<NewTarget['selector']>;
    const r = normaliseSelector(s);
    if (!r.ok) throw ValidationError.field('selector.value', r.reason);
    return {
      kind: targetKindOfSelector(r.selector.kind),
      entityId: null,
      selectorKey: r.selector.key,
      label: input.label ?? r.selector.display,
      matchKeys: [r.selector.key],
    };
  }

  /** Takes the deconfliction lock of every key (sorted), so two agencies adding the same one at once meet. */
  private async lock(tx: Tx, keys: string[]) {
    for (const k of [...keys].sort()) await sql`select pg_advisory_xact_lock(7301, hashtext(${k}))`.execute(tx);
  }

  async addTarget(viewer: Viewer, operationId: string, input: NewTarget, requestId?: string): Promise<Target> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await this.participantOf(tx, viewer, operationId);
      if (!LIVE_STATUSES.includes(op.status as OperationStatus)) {
        throw new ConflictError(`Targets are added while the operation is planned or active, not ${op.status}.`);
      }
      const owner = input.ownerAgencyId ?? viewer.agencyId;
      const active = await this.repo.activeParticipantIds(tx, operationId);
      if (!active.includes(owner))
        throw ValidationError.field('ownerAgencyId', 'the owner must be a participating agency');
      const keys = await this.keysFor(tx, viewer, input);
      await this.lock(tx, keys.matchKeys);
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
      const conflicts = await this.deconflict(tx, {
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

  /**
   * Raises a conflict for each live target of another operation, and each register entry of
   * another agency, meeting the keys. Each side is alerted with the other's agency and contact
   * point only. Returns how many were raised.
   */
  private async deconflict(
    tx: Tx,
    a: {
      agencyId: string;
      operationId: string | null;
      targetId: string | null;
      registerId: string | null;
      label: string;
      contact: string;
      keys: string[];
    },
  ): Promise<number> {
    const now = this.d.clock.now();
    const targets = await this.repo.liveTargetsMeeting(tx, a.keys, a.operationId);
    const register = (await this.repo.registerMeeting(tx, a.keys)).filter(
      (r) => r.agency_id !== a.agencyId && r.id !== a.registerId,
    );
    const sides = [
      ...targets.map((t) => ({
        agencyId: t.owner_agency_id,
        operationId: t.operation_id as string | null,
        targetId: t.id as string | null,
        registerId: null as string | null,
        label: t.label,
        contact: t.contact_point ?? t.lead_contact ?? 'the agency’s operations desk',
        keys: t.match_keys,
      })),
      ...(a.registerId ? [] : register).map((r) => ({
        agencyId: r.agency_id,
        operationId: null,
        targetId: null,
        registerId: r.id,
        label: r.label,
        contact: r.contact_point,
        keys: r.match_keys,
      })),
    ];
    if (sides.length === 0) return 0;
    const infos = await agencyInfos(tx, [a.agencyId, ...sides.map((s) => s.agencyId)]);
    for (const b of sides) {
      const key = a.keys.find((k) => b.keys.includes(k)) as string;
      const c = await tx
        .insertInto('deconfliction_conflicts')
        .values({
          match_key: key,
          a_agency_id: a.agencyId,
          a_operation_id: a.operationId,
          a_target_id: a.targetId,
          a_register_id: a.registerId,
          a_label: a.label,
          a_contact: a.contact,
          a_ack_at: null,
          a_ack_by: null,
          b_agency_id: b.agencyId,
          b_operation_id: b.operationId,
          b_target_id: b.targetId,
          b_register_id: b.registerId,
          b_label: b.label,
          b_contact: b.contact,
          b_ack_at: null,
          b_ack_by: null,
          resolution: null,
          resolved_by_agency: null,
          resolved_at: null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const aInfo = infos.get(a.agencyId);
      const bInfo = infos.get(b.agencyId);
      // Each side learns its own target, and of the other only the agency and the contact point.
      for (const [me, other, otherContact, myLabel, myOp] of [
        [a.agencyId, bInfo, b.contact, a.label, a.operationId],
        [b.agencyId, aInfo, a.contact, b.label, b.operationId],
      ] as const) {
        await emit(tx, {
          topic: 'operations.conflict.alert',
          data: {
            conflictId: c.id,
            operationId: myOp,
            label: myLabel,
            otherAgencyName: other?.name ?? '',
            otherCountry: other?.country ?? '',
            contactPoint: otherContact,
          },
          audience: { kind: 'agencies', agencyIds: [me] },
          occurredAt: now,
        });
      }
    }
    return sides.length;
  }

  async targets(viewer: Viewer, operationId: string): Promise<Target[]> {
    const db = this.d.database.db;
    await this.participantOf(db, viewer, operationId);
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
      const { op, my } = await this.participantOf(tx, viewer, operationId);
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

  async conflicts(viewer: Viewer, o: { operationId?: string; status?: string } = {}): Promise<Conflict[]> {
    const db = this.d.database.db;
    if (o.operationId) await this.participantOf(db, viewer, o.operationId);
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

  // ---- deconfliction register --------------------------------------------------------------

  async register(viewer: Viewer): Promise<RegisterEntry[]> {
    const rows = await this.d.database.db
      .selectFrom('deconfliction_register')
      .selectAll()
      .where('agency_id', '=', viewer.agencyId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toRegisterEntry);
  }

  async addRegisterEntry(viewer: Viewer, input: NewRegisterEntry, requestId?: string): Promise<RegisterEntry> {
    const id = await this.d.database.transaction(async (tx) => {
      const keys = await this.keysFor(tx, viewer, input);
      await this.lock(tx, keys.matchKeys);
      const r = await tx
        .insertInto('deconfliction_register')
        .values({
          agency_id: viewer.agencyId,
          label: keys.label,
          match_keys: keys.matchKeys,
          contact_point: input.contactPoint,
          created_by_user: viewer.userId,
          created_at: this.d.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Targets of other agencies' live operations meet the new entry.
      const conflicts = await this.deconflict(tx, {
        agencyId: viewer.agencyId,
        operationId: null,
        targetId: null,
        registerId: r.id,
        label: keys.label,
        contact: input.contactPoint,
        keys: keys.matchKeys,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.register.added',
          objectType: 'deconfliction-entry',
          objectId: r.id,
          details: { conflicts },
        },
      );
      return r.id;
    });
    this.d.events.notify();
    return (await this.register(viewer)).find((r) => r.id === id) as RegisterEntry;
  }

  async withdrawRegisterEntry(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const res = await tx
        .updateTable('deconfliction_register')
        .set({ active: false })
        .where('id', '=', id)
        .where('agency_id', '=', viewer.agencyId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new NotFoundError('register entry');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.register.withdrawn', objectType: 'deconfliction-entry', objectId: id },
      );
    });
  }

  // ---- tasks ---------------------------------------------------------------------------------

  async addTask(viewer: Viewer, operationId: string, input: NewTask, requestId?: string): Promise<Task> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await this.participantOf(tx, viewer, operationId);
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
    await this.participantOf(db, viewer, operationId);
    const now = this.d.clock.now();
    return (await this.repo.tasks(db, operationId)).map((t) => toTask(t, now));
  }

  async patchTask(viewer: Viewer, operationId: string, taskId: string, status: Task['status'], requestId?: string) {
    await this.d.database.transaction(async (tx) => {
      const { my } = await this.participantOf(tx, viewer, operationId);
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

  // ---- channel -------------------------------------------------------------------------------

  async post(viewer: Viewer, operationId: string, body: string, requestId?: string): Promise<Message> {
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await this.participantOf(tx, viewer, operationId);
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
    await this.participantOf(db, viewer, operationId);
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

  // ---- results --------------------------------------------------------------------------------

  async report(viewer: Viewer, operationId: string, input: NewResult, requestId?: string) {
    const errors: FieldError[] = [];
    if (input.agencyId && input.agencyId !== viewer.agencyId)
      errors.push({ field: 'agencyId', message: 'an agency reports its own results only' });
    const named = Object.values(input.arrestNationalities).reduce((s, n) => s + n, 0);
    if (named > input.arrests)
      errors.push({
        field: 'arrestNationalities',
        message: `names ${named} nationalities for ${input.arrests} arrests`,
      });
    if (errors.length > 0) fail(errors);
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await this.participantOf(tx, viewer, operationId);
      if (!REPORTING_STATUSES.includes(op.status as OperationStatus))
        throw new ConflictError(`Results are reported once the operation is active, not while ${op.status}.`);
      const r = await tx
        .insertInto('operation_results')
        .values({
          operation_id: operationId,
          agency_id: viewer.agencyId,
          country: viewer.country,
          reported_on: input.reportedOn,
          arrests: input.arrests,
          arrest_nationalities: JSON.stringify(input.arrestNationalities),
          victims_rescued: input.victimsRescued,
          centres_raided: input.centresRaided,
          devices_seized: input.devicesSeized,
          accounts_blocked: input.accountsBlocked,
          assets_frozen: input.assetsFrozen,
          assets_seized: input.assetsSeized,
          currency: input.currency,
          rescue_case_ids: input.rescueCaseIds ?? [],
          finance_ref_ids: input.financeRefIds ?? [],
          note: input.note ?? '',
          created_by_user: viewer.userId,
          created_at: this.d.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.result.reported',
          objectType: 'operation-result',
          objectId: r.id,
          details: { operationId },
        },
      );
      await emit(tx, {
        topic: 'operations.result',
        data: { operationId, resultId: r.id },
        audience: { kind: 'agencies', agencyIds: await this.repo.activeParticipantIds(tx, operationId) },
        occurredAt: this.d.clock.now(),
      });
      return r.id;
    });
    this.d.events.notify();
    return (await this.dashboard(viewer, operationId)).results.find(
      (r) => r.id === id,
    ) as ResultsDashboard['results'][number];
  }

  async dashboard(viewer: Viewer, operationId: string): Promise<ResultsDashboard> {
    const db = this.d.database.db;
    await this.participantOf(db, viewer, operationId);
    return this.aggregate(db, operationId);
  }

  private async aggregate(db: Executor, operationId: string): Promise<ResultsDashboard> {
    const agg = await this.repo.aggregate(db, operationId);
    const figures = (r: {
      arrests: number;
      victims_rescued: number;
      centres_raided: number;
      devices_seized: number;
      accounts_blocked: number;
    }) => ({
      arrests: r.arrests,
      victimsRescued: r.victims_rescued,
      centresRaided: r.centres_raided,
      devicesSeized: r.devices_seized,
      accountsBlocked: r.accounts_blocked,
    });
    const assets = (country: string | null) =>
      agg.money
        .filter((m) => m.country === country)
        .map((m) => ({ currency: m.currency, frozen: m.frozen, seized: m.seized }));
    const t = agg.totals ?? {
      arrests: 0,
      victims_rescued: 0,
      centres_raided: 0,
      devices_seized: 0,
      accounts_blocked: 0,
      countries: 0,
    };
    return {
      totals: { ...figures(t), countries: t.countries, assets: assets(null) },
      byCountry: agg.byCountry.map((c) => ({
        country: c.country,
        isoNumeric: isoNumeric(c.country),
        ...figures(c),
        assets: assets(c.country),
      })),
      overTime: agg.byDay.map((d) => ({ day: d.day, ...figures(d) })),
      nationalities: agg.nationalities,
      results: (await this.repo.results(db, operationId)).map(toResult),
    };
  }

  async publicSummary(viewer: Viewer | null, operationId: string): Promise<PublicSummary> {
    const db = this.d.database.db;
    let op: OperationRow | undefined;
    if (viewer) op = (await this.participantOf(db, viewer, operationId)).op;
    else {
      op = await db
        .selectFrom('operations')
        .selectAll()
        .where('id', '=', operationId)
        .where('summary_published', '=', true)
        .executeTakeFirst();
      if (!op) throw new NotFoundError('published summary');
    }
    const { totals } = await this.aggregate(db, operationId);
    return {
      tlp: 'CLEAR',
      operationId: op.id,
      periodStart: op.period_start,
      periodEnd: op.period_end,
      countries: totals.countries,
      arrests: totals.arrests,
      victimsRescued: totals.victimsRescued,
      centresRaided: totals.centresRaided,
      devicesSeized: totals.devicesSeized,
      accountsBlocked: totals.accountsBlocked,
      assets: totals.assets,
      text: summaryText(totals),
    };
  }

  async publishSummary(viewer: Viewer, operationId: string, requestId?: string): Promise<PublicSummary> {
    await this.d.database.transaction(async (tx) => {
      const { op } = await this.leadOf(tx, viewer, operationId);
      if (op.status !== 'concluded' && op.status !== 'archived' && op.status !== 'active')
        throw new ConflictError('There is nothing to publish before the operation is active.');
      await tx.updateTable('operations').set({ summary_published: true }).where('id', '=', operationId).execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.summary.published', objectType: 'operation', objectId: operationId },
      );
    });
    return this.publicSummary(viewer, operationId);
  }

  async publishedSummaries(): Promise<PublicSummary[]> {
    const rows = await this.d.database.db
      .selectFrom('operations')
      .select('id')
      .where('summary_published', '=', true)
      .orderBy('period_end', 'desc')
      .limit(100)
      .execute();
    const out: PublicSummary[] = [];
    for (const r of rows) out.push(await this.publicSummary(null, r.id));
    return out;
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

function toRegisterEntry(r: RegisterRow): RegisterEntry {
  return {
    id: r.id,
    agencyId: r.agency_id,
    label: r.label,
    matchKey: r.match_keys[0] ?? '',
    contactPoint: r.contact_point,
    active: r.active,
    createdAt: iso(r.created_at),
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

function toResult(r: ResultRow) {
  return {
    id: r.id,
    operationId: r.operation_id,
    agencyId: r.agency_id,
    country: r.country,
    reportedOn: r.reported_on,
    arrests: r.arrests,
    arrestNationalities: r.arrest_nationalities as Record<string, number>,
    victimsRescued: r.victims_rescued,
    centresRaided: r.centres_raided,
    devicesSeized: r.devices_seized,
    accountsBlocked: r.accounts_blocked,
    assetsFrozen: r.assets_frozen,
    assetsSeized: r.assets_seized,
    currency: r.currency,
    rescueCaseIds: r.rescue_case_ids,
    financeRefIds: r.finance_ref_ids,
    note: r.note,
    createdAt: iso(r.created_at),
  };
}
