import type { Freeze, FreezeDraftEdit, FreezeState, FreezeTransition, NewFreeze } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { FreezeRow } from './finance.repository.ts';
import { FinanceRepository } from './finance.repository.ts';
import { checkAmount, type FinanceDeps } from './finance.shared.ts';
import { AWAITING, checkTransition, reminderLeadMs, type Side } from './freeze-states.ts';
import { canonical, currencyScale, D, splitProRata } from './money.ts';
import type { TracingService } from './tracing.service.ts';

export const FREEZE_DEADLINE_JOB = 'finance.freeze.deadline';
export const FREEZE_REMINDER_JOB = 'finance.freeze.reminder';
const HOUR = 3_600_000;

interface FreezeJob {
  freezeId: string;
}

/** Urgent freeze requests and the asset ledger they feed. */
export class FreezesService {
  private readonly repo = new FinanceRepository();
  constructor(
    private readonly d: FinanceDeps,
    private readonly tracing: TracingService,
  ) {}

  private sideOf(viewer: Viewer, f: FreezeRow): Side | null {
    if (viewer.agencyId === f.requester_agency_id) return 'requester';
    if (viewer.agencyId === f.target_agency_id) return 'target';
    return null;
  }

  /** Creates a request (a draft, or sent at once with `send`). Its amount may not exceed what the trace puts on the account without an override reason. */
  async create(viewer: Viewer, body: NewFreeze, requestId?: string): Promise<Freeze> {
    const currency = body.currency.trim().toUpperCase();
    const amount = checkAmount(body.amount, currency);
    const db = this.d.database.db;
    const target = await this.repo.agency(db, body.targetAgencyId);
    if (!target) throw ValidationError.field('targetAgencyId', 'unknown agency');
    if (target.id === viewer.agencyId)
      throw ValidationError.field('targetAgencyId', 'a freeze request goes to another agency');
    const account = await this.repo.account(db, body.accountId);
    if (!account) throw ValidationError.field('accountId', 'unknown account');
    const model = body.model ?? 'fifo';
    const traced = await this.tracing.trace(
      viewer,
      { transactionIds: body.originTransactionIds, model, hops: 10, direction: 'forward' },
      { audit: false },
    );
    if (traced.origins.length > 0 && traced.currency !== currency) {
      throw ValidationError.field('currency', `the traced funds are in ${traced.currency}`);
    }
    const node = traced.nodes.find((n) => n.accountId === account.id);
    const tracedAmount = node?.held ?? '0';
    const override = body.overrideReason?.trim() || null;
    if (new D(amount).greaterThan(tracedAmount) && !override) {
      throw ValidationError.field(
        'amount',
        `${amount} ${currency} is above the ${canonical(tracedAmount)} ${currency} the trace (${model}) puts on this account; give an overrideReason to ask for more`,
      );
    }
    const now = this.d.clock.now();
    const id = await this.d.database.transaction(async (tx) => {
      const row = await tx
        .insertInto('fin_freezes')
        .values({
          requester_agency_id: viewer.agencyId,
          target_agency_id: target.id,
          created_by_user: viewer.userId,
          account_id: account.id,
          currency,
          amount,
          traced_amount: canonical(tracedAmount),
          override_reason: override,
          legal_basis: body.legalBasis,
          evidence: body.evidence ?? [],
          deadline_hours: body.deadlineHours,
          state: 'draft',
          case_ref: body.caseRef,
          operation_ref: body.operationRef ?? null,
          country: account.country ?? target.country,
          model,
          origin_tx_ids: body.originTransactionIds,
          attribution: JSON.stringify(node?.heldByOrigin ?? {}),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('fin_freeze_history')
        .values({
          freeze_id: row.id,
          from_state: null,
          to_state: 'draft',
          agency_id: viewer.agencyId,
          user_id: viewer.userId,
          at: now,
        })
        .execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'finance.freeze.created',
          objectType: 'fin-freeze',
          objectId: row.id,
          details: { amount, currency, traced: tracedAmount, override: override !== null },
        },
      );
      return row.id;
    });
    if (body.send) return this.transition(viewer, id, { to: 'sent' }, requestId);
    return this.get(viewer, id);
  }

  /**
   * Edits a draft: only the requesting agency, only before it is sent (409 after). The amount is
   * checked again against the traced amount stored with the draft (an override reason to ask
   * for more); the target must be another agency.
   */
  async editDraft(viewer: Viewer, id: string, body: FreezeDraftEdit, requestId?: string): Promise<Freeze> {
    await this.d.database.transaction(async (tx) => {
      const f = await tx.selectFrom('fin_freezes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!f || f.requester_agency_id !== viewer.agencyId) throw new NotFoundError('freeze request');
      if (f.state !== 'draft')
        throw new ConflictError(`only a draft can be edited; this request is ${f.state}`, [
          { field: 'state', message: `the request is ${f.state}` },
        ]);
      const changes: Partial<FreezeRow> = {};
      if (body.targetAgencyId !== undefined) {
        const target = await this.repo.agency(tx, body.targetAgencyId);
        if (!target) throw ValidationError.field('targetAgencyId', 'unknown agency');
        if (target.id === viewer.agencyId)
          throw ValidationError.field('targetAgencyId', 'a freeze request goes to another agency');
        changes.target_agency_id = target.id;
      }
      const amount = body.amount !== undefined ? checkAmount(body.amount, f.currency) : f.amount;
      const override =
        body.overrideReason !== undefined ? body.overrideReason.trim() || null : (f.override_reason ?? null);
      if (new D(amount).greaterThan(f.traced_amount) && !override) {
        throw ValidationError.field(
          'amount',
          `${canonical(amount)} ${f.currency} is above the ${canonical(f.traced_amount)} ${f.currency} the trace (${f.model}) puts on this account; give an overrideReason to ask for more`,
        );
      }
      if (body.amount !== undefined) changes.amount = amount;
      if (body.overrideReason !== undefined) changes.override_reason = override;
      if (body.legalBasis !== undefined) changes.legal_basis = body.legalBasis;
      if (body.evidence !== undefined) changes.evidence = body.evidence;
      if (body.deadlineHours !== undefined) changes.deadline_hours = body.deadlineHours;
      if (body.caseRef !== undefined) changes.case_ref = body.caseRef;
      if (body.operationRef !== undefined) changes.operation_ref = body.operationRef;
      await tx
        .updateTable('fin_freezes')
        .set({ ...changes, updated_at: this.d.clock.now() })
        .where('id', '=', id)
        .execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'finance.freeze.draft-edited',
          objectType: 'fin-freeze',
          objectId: id,
          details: { fields: Object.keys(body) },
        },
      );
    });
    return this.get(viewer, id);
  }

  async transition(viewer: Viewer | null, id: string, body: FreezeTransition, requestId?: string): Promise<Freeze> {
    await this.d.database.transaction(async (tx) => {
      const f = await tx.selectFrom('fin_freezes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      const side: Side | null = viewer === null ? 'system' : f ? this.sideOf(viewer, f) : null;
      if (!f || side === null) throw new NotFoundError('freeze request');
      await this.apply(tx, viewer, f, side, body, requestId);
    });
    this.d.events.notify();
    if (viewer === null) return this.read(this.d.database.db, id);
    return this.get(viewer, id);
  }

  private async apply(
    tx: Tx,
    viewer: Viewer | null,
    f: FreezeRow,
    side: Side,
    body: FreezeTransition,
    requestId?: string,
  ) {
    const from = f.state as FreezeState;
    const to = body.to;
    const check = checkTransition(from, to, side);
    if (!check.ok) {
      if (check.status === 403)
        throw new AppError(403, 'forbidden', 'Forbidden', check.reason, [{ field: 'to', message: check.reason }]);
      throw new ConflictError(check.reason, [{ field: 'to', message: check.reason }]);
    }
    const now = this.d.clock.now();
    const ledger = async (kind: string, amount: string, victimRef: string | null = null) => {
      if (new D(amount).isZero()) return;
      await tx
        .insertInto('fin_ledger')
        .values({
          freeze_id: f.id,
          kind,
          amount,
          victim_ref: victimRef,
          agency_id: viewer?.agencyId ?? null,
          occurred_at: now,
        })
        .execute();
    };
    const sumOf = async (kind: string) => {
      const r = await tx
        .selectFrom('fin_ledger')
        .select(sql<string | null>`sum(amount)`.as('s'))
        .where('freeze_id', '=', f.id)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return new D(r?.s ?? '0');
    };
    const patch: { state: string; updated_at: Date; frozen_amount?: string; sent_at?: Date; deadline_at?: Date } = {
      state: to,
      updated_at: now,
    };
    const given = body.amount !== undefined ? checkAmount(body.amount, f.currency) : null;
    switch (to) {
      case 'sent': {
        const deadline = new Date(now.getTime() + f.deadline_hours * HOUR);
        patch.sent_at = now;
        patch.deadline_at = deadline;
        await enqueue<FreezeJob>(tx, {
          kind: FREEZE_DEADLINE_JOB,
          runAt: deadline,
          payload: { freezeId: f.id },
          dedupeKey: `finance:freeze:${f.id}:deadline`,
        });
        await enqueue<FreezeJob>(tx, {
          kind: FREEZE_REMINDER_JOB,
          runAt: new Date(deadline.getTime() - reminderLeadMs(f.deadline_hours)),
          payload: { freezeId: f.id },
          dedupeKey: `finance:freeze:${f.id}:reminder`,
        });
        break;
      }
      case 'frozen': {
        const amount = given ?? canonical(f.amount);
        if (new D(amount).greaterThan(f.amount))
          throw ValidationError.field(
            'amount',
            `cannot freeze more than the ${canonical(f.amount)} ${f.currency} requested`,
          );
        patch.frozen_amount = amount;
        await ledger('freeze', amount);
        break;
      }
      case 'released':
        await ledger('release', canonical(f.frozen_amount ?? '0'));
        break;
      case 'seized': {
        const frozen = new D(f.frozen_amount ?? '0');
        const amount = given ?? frozen.toFixed();
        if (new D(amount).greaterThan(frozen))
          throw ValidationError.field('amount', `cannot seize more than the ${frozen.toFixed()} ${f.currency} frozen`);
        await ledger('seize', amount);
        // What is not seized is released.
        await ledger('release', frozen.minus(amount).toFixed());
        break;
      }
      case 'forfeited': {
        const seized = await sumOf('seize');
        const amount = given ?? seized.toFixed();
        if (new D(amount).greaterThan(seized))
          throw ValidationError.field(
            'amount',
            `cannot forfeit more than the ${seized.toFixed()} ${f.currency} seized`,
          );
        await ledger('forfeit', amount);
        break;
      }
      case 'returned': {
        const forfeited = await sumOf('forfeit');
        const attribution = Object.entries((f.attribution ?? {}) as Record<string, string>)
          .filter(([, v]) => new D(v).greaterThan(0))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        if (attribution.length === 0)
          throw new ConflictError('the trace attributes these funds to no victim: nothing to split', [
            { field: 'to', message: 'no victims attributed' },
          ]);
        const parts = splitProRata(
          forfeited.toFixed(),
          attribution.map(([, v]) => v),
          currencyScale(f.currency) ?? 18,
        );
        for (const [i, [victim]] of attribution.entries()) await ledger('return', parts[i]!, victim);
        break;
      }
      default:
        break;
    }
    await tx.updateTable('fin_freezes').set(patch).where('id', '=', f.id).execute();
    await tx
      .insertInto('fin_freeze_history')
      .values({
        freeze_id: f.id,
        from_state: from,
        to_state: to,
        agency_id: viewer?.agencyId ?? null,
        user_id: viewer?.userId ?? null,
        note: body.note ?? '',
        at: now,
      })
      .execute();
    await emit(tx, {
      topic: `finance.freeze.${to}`,
      data: {
        freezeId: f.id,
        from,
        to,
        caseRef: f.case_ref,
        currency: f.currency,
        amount: canonical(f.amount),
        deadlineAt: (patch.deadline_at ?? f.deadline_at)?.toISOString() ?? null,
      },
      audience: { kind: 'agencies', agencyIds: [f.requester_agency_id, f.target_agency_id] },
      occurredAt: now,
    });
    await this.d.audit(
      tx,
      { viewer, requestId: requestId ?? null },
      {
        action: `finance.freeze.${to}`,
        objectType: 'fin-freeze',
        objectId: f.id,
        details: { from, to, ...(given ? { amount: given } : {}) },
      },
    );
  }

  /** Deadline job: a request still unanswered (sent or acknowledged, not frozen) expires. */
  readonly onDeadline = async (job: { payload: FreezeJob }) => {
    const expired = await this.d.database.transaction(async (tx) => {
      const f = await tx
        .selectFrom('fin_freezes')
        .selectAll()
        .where('id', '=', job.payload.freezeId)
        .forUpdate()
        .executeTakeFirst();
      if (!f || !AWAITING.includes(f.state as FreezeState)) return false;
      await this.apply(tx, null, f, 'system', { to: 'expired', note: 'deadline passed' });
      return true;
    });
    if (expired) this.d.events.notify();
  };

  /** Reminder job: tells both sides the deadline is near. */
  readonly onReminder = async (job: { payload: FreezeJob }) => {
    const sent = await this.d.database.transaction(async (tx) => {
      const f = await tx
        .selectFrom('fin_freezes')
        .selectAll()
        .where('id', '=', job.payload.freezeId)
        .executeTakeFirst();
      if (!f || !AWAITING.includes(f.state as FreezeState)) return false;
      await emit(tx, {
        topic: 'finance.freeze.expiring',
        data: { freezeId: f.id, state: f.state, caseRef: f.case_ref, deadlineAt: f.deadline_at?.toISOString() ?? null },
        audience: { kind: 'agencies', agencyIds: [f.requester_agency_id, f.target_agency_id] },
        occurredAt: this.d.clock.now(),
      });
      return true;
    });
    if (sent) this.d.events.notify();
  };

  async get(viewer: Viewer, id: string): Promise<Freeze> {
    const db = this.d.database.db;
    const f = await db.selectFrom('fin_freezes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!f || this.sideOf(viewer, f) === null) throw new NotFoundError('freeze request');
    // A draft is the requester's until sent: the target agency does not see it.
    if (f.state === 'draft' && f.requester_agency_id !== viewer.agencyId) throw new NotFoundError('freeze request');
    return this.read(db, id);
  }

  async list(viewer: Viewer, o: { state?: FreezeState; direction?: 'incoming' | 'outgoing' }): Promise<Freeze[]> {
    const db = this.d.database.db;
    let q = db.selectFrom('fin_freezes').select('id');
    if (o.direction === 'incoming') q = q.where('target_agency_id', '=', viewer.agencyId);
    else if (o.direction === 'outgoing') q = q.where('requester_agency_id', '=', viewer.agencyId);
    else
      q = q.where((eb) =>
        eb.or([eb('target_agency_id', '=', viewer.agencyId), eb('requester_agency_id', '=', viewer.agencyId)]),
      );
    // Drafts stay with the requester until sent.
    q = q.where((eb) => eb.or([eb('state', '<>', 'draft'), eb('requester_agency_id', '=', viewer.agencyId)]));
    if (o.state) q = q.where('state', '=', o.state);
    const ids = await q.orderBy('updated_at', 'desc').limit(500).execute();
    return Promise.all(ids.map((r) => this.read(db, r.id)));
  }

  private async read(db: Executor, id: string): Promise<Freeze> {
    const f = await db.selectFrom('fin_freezes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const a = await this.repo.account(db, f.account_id);
    const history = await db
      .selectFrom('fin_freeze_history')
      .selectAll()
      .where('freeze_id', '=', id)
      .orderBy('id')
      .execute();
    return {
      id: f.id,
      requesterAgencyId: f.requester_agency_id,
      targetAgencyId: f.target_agency_id,
      account: { id: f.account_id, key: a?.key ?? '', display: a?.display ?? '' },
      currency: f.currency,
      amount: canonical(f.amount),
      tracedAmount: canonical(f.traced_amount),
      frozenAmount: f.frozen_amount === null ? null : canonical(f.frozen_amount),
      overrideReason: f.override_reason,
      legalBasis: f.legal_basis,
      evidence: f.evidence,
      deadlineHours: f.deadline_hours,
      sentAt: f.sent_at?.toISOString() ?? null,
      deadlineAt: f.deadline_at?.toISOString() ?? null,
      state: f.state as FreezeState,
      caseRef: f.case_ref,
      operationRef: f.operation_ref,
      country: f.country,
      model: f.model as Freeze['model'],
      attribution: (f.attribution ?? {}) as Record<string, string>,
      history: history.map((h) => ({
        from: h.from_state,
        to: h.to_state,
        agencyId: h.agency_id,
        note: h.note,
        at: h.at.toISOString(),
      })),
      createdAt: f.created_at.toISOString(),
      updatedAt: f.updated_at.toISOString(),
    };
  }
}
