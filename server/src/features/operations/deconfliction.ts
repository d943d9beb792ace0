import type { NewTarget, Target } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { targetKindOfSelector } from './lifecycle.ts';
import { OperationsRepository, type RegisterRow } from './operations.repository.ts';
import { reader } from './operations.shared.ts';

/** What a target or register entry meets others on. */
export interface Keys {
  kind: Target['kind'];
  entityId: string | null;
  selectorKey: string | null;
  label: string;
  matchKeys: string[];
}

/** One side of a deconfliction: who, which target or register entry, and its keys. */
export interface Side {
  agencyId: string;
  operationId: string | null;
  targetId: string | null;
  registerId: string | null;
  label: string;
  contact: string;
  keys: string[];
}

/** A live target as a side (its owner's contact point, else the lead's). */
export const targetSide = (t: {
  id: string;
  operation_id: string;
  owner_agency_id: string;
  label: string;
  match_keys: string[];
  contact_point: string | null;
  lead_contact: string | null;
}): Side => ({
  agencyId: t.owner_agency_id,
  operationId: t.operation_id,
  targetId: t.id,
  registerId: null,
  label: t.label,
  contact: t.contact_point ?? t.lead_contact ?? 'the agency’s operations desk',
  keys: t.match_keys,
});

/** A register entry as a side. */
export const registerSide = (r: RegisterRow): Side => ({
  agencyId: r.agency_id,
  operationId: null,
  targetId: null,
  registerId: r.id,
  label: r.label,
  contact: r.contact_point,
  keys: r.match_keys,
});

/** Match keys of targets and register entries, the deconfliction lock, and raising conflicts. */
export class Deconfliction {
  private readonly repo = new OperationsRepository();
  private readonly intel = new ReportsRepository();
  constructor(private readonly clock: Clock) {}

  /** The match keys of an intelligence entity (with the entities matched to it) or of a selector. */
  async keysFor(
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
  async lock(tx: Tx, keys: string[]) {
    for (const k of [...keys].sort()) await sql`select pg_advisory_xact_lock(7301, hashtext(${k}))`.execute(tx);
  }

  /**
   * Raises a conflict for each live target of another operation, and each register entry of
   * another agency, meeting the keys, unless the two already have one. Each side is alerted with
   * the other's agency and contact point only. Returns how many were raised.
   */
  async deconflict(tx: Tx, a: Side): Promise<number> {
    const now = this.clock.now();
    const targets = await this.repo.liveTargetsMeeting(tx, a.keys, a.operationId);
    const register = (await this.repo.registerMeeting(tx, a.keys)).filter(
      (r) => r.agency_id !== a.agencyId && r.id !== a.registerId,
    );
    const sides = [...targets.map(targetSide), ...(a.registerId ? [] : register).map(registerSide)];
    const fresh = [];
    for (const b of sides) if (!(await this.repo.conflictBetween(tx, a, b))) fresh.push(b);
    if (fresh.length === 0) return 0;
    const infos = await agencyInfos(tx, [a.agencyId, ...fresh.map((s) => s.agencyId)]);
    for (const b of fresh) {
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
    return fresh.length;
  }
}
