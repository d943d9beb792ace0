import type {
  NoticeDraft,
  NoticeReview,
  NoticeStatus,
  NoticeType,
  NoticeWithHistory,
  ReviewChecklist,
} from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/http/errors.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { draftOf, snapshotOf, toNotice } from './notices.mappers.ts';
import { type NoticeRow, NoticesRepository } from './notices.repository.ts';
import { fail, isReviewer, type NoticesDeps, reader, selectorKeys } from './notices.shared.ts';
import { checkDetails, checkPublicExtract, searchTextOf } from './requirements.ts';

export const NOTICE_EXPIRY_JOB = 'notices.expire';
const DAY_MS = 86_400_000;
const EDITABLE: NoticeStatus[] = ['draft', 'returned'];
const CANCELLABLE: NoticeStatus[] = ['draft', 'submitted', 'returned', 'published'];

/**
 * Notices: drafted by a member agency, reviewed by the hub against the compliance checklist,
 * published to every member (or returned with reasons), cancelled, expired after their review
 * period. Every change keeps a revision. Search and diffusions are their own services
 * (notices.search.ts, diffusions.service.ts).
 */
export class NoticesService {
  readonly repo = new NoticesRepository();
  private readonly intel = new ReportsRepository();
  constructor(private readonly d: NoticesDeps) {}

  /** Checks the links and the type's rules; returns the normalised selector keys. */
  private async checkInput(db: Executor, viewer: Viewer, input: NoticeDraft, complete: boolean) {
    const errors: FieldError[] = [
      ...checkDetails(input.type, input.details, { complete }),
      ...checkPublicExtract(input.type, input.publicExtract, input.details),
    ];
    const { keys, errors: selErrors } = selectorKeys(input.selectors ?? []);
    errors.push(...selErrors);
    const ids = input.entityIds ?? [];
    if (ids.length > 0) {
      const seen = new Set((await this.intel.visibleEntities(db, reader(viewer), ids)).map((e) => e.id));
      ids.forEach((id, i) => {
        if (!seen.has(id))
          errors.push({ field: `entityIds.${i}`, message: 'no such intelligence entity, or you may not see it' });
      });
    }
    if (errors.length > 0) fail(errors);
    return keys;
  }

  async create(viewer: Viewer, input: NoticeDraft, requestId?: string): Promise<NoticeWithHistory> {
    const db = this.d.database.db;
    const keys = await this.checkInput(db, viewer, input, false);
    const now = this.d.clock.now();
    const id = await this.d.database.transaction(async (tx) => {
      const n = await tx
        .insertInto('notices')
        .values({
          owner_agency_id: viewer.agencyId,
          type: input.type,
          title: input.title.trim(),
          summary: input.summary,
          details: JSON.stringify(input.details),
          entity_ids: input.entityIds ?? [],
          selector_keys: keys,
          public_extract: input.publicExtract ?? null,
          review_period_days: input.reviewPeriodDays ?? 365,
          search_text: searchTextOf(input.title, input.summary, input.details),
          return_reasons: null,
          submitted_at: null,
          published_at: null,
          expires_at: null,
          cancelled_at: null,
          created_by_user: viewer.userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.revise(tx, viewer, n.id, 1, 'drafted', requestId);
      return n.id;
    });
    return this.get(viewer, id, { audit: false });
  }

  async update(viewer: Viewer, id: string, input: NoticeDraft, requestId?: string): Promise<NoticeWithHistory> {
    await this.d.database.transaction(async (tx) => {
      const n = await this.owned(tx, viewer, id);
      if (!EDITABLE.includes(n.status as NoticeStatus))
        throw new ConflictError(`A ${n.status} notice cannot be edited; only drafts and returned notices.`);
      if (input.type !== n.type)
        throw ValidationError.field('type', 'the type of a notice does not change; draft a new one');
      const keys = await this.checkInput(tx, viewer, input, false);
      const revision = n.revision + 1;
      await tx
        .updateTable('notices')
        .set({
          title: input.title.trim(),
          summary: input.summary,
          details: JSON.stringify(input.details),
          entity_ids: input.entityIds ?? [],
          selector_keys: keys,
          public_extract: input.publicExtract ?? null,
          review_period_days: input.reviewPeriodDays ?? n.review_period_days,
          search_text: searchTextOf(input.title, input.summary, input.details),
          revision,
          updated_at: this.d.clock.now(),
        })
        .where('id', '=', id)
        .execute();
      await this.revise(tx, viewer, id, revision, 'edited', requestId);
    });
    return this.get(viewer, id, { audit: false });
  }

  async submit(viewer: Viewer, id: string, requestId?: string): Promise<NoticeWithHistory> {
    await this.d.database.transaction(async (tx) => {
      const n = await this.owned(tx, viewer, id);
      if (!EDITABLE.includes(n.status as NoticeStatus))
        throw new ConflictError(`A ${n.status} notice cannot be submitted.`);
      await this.checkInput(tx, viewer, draftOf(n), true);
      const now = this.d.clock.now();
      await tx
        .updateTable('notices')
        .set({ status: 'submitted', submitted_at: now, return_reasons: null, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.revise(tx, viewer, id, n.revision, 'submitted', requestId);
      const hubs = await this.repo.hubAgencyIds(tx);
      if (hubs.length > 0) {
        await emit(tx, {
          topic: 'notices.review.requested',
          data: { noticeId: id, type: n.type, title: n.title },
          audience: { kind: 'agencies', agencyIds: hubs, roles: ['hub-reviewer'] },
          occurredAt: now,
        });
      }
    });
    this.d.events.notify();
    return this.get(viewer, id, { audit: false });
  }

  async review(viewer: Viewer, id: string, input: NoticeReview, requestId?: string): Promise<NoticeWithHistory> {
    if (!isReviewer(viewer)) throw new ForbiddenError('Only hub reviewers review notices.');
    const errors: FieldError[] = [];
    const failed = (Object.keys(input.checklist) as (keyof ReviewChecklist)[]).filter((k) => !input.checklist[k]);
    if (input.decision === 'publish') {
      for (const k of failed) errors.push({ field: `checklist.${k}`, message: 'every check must pass to publish' });
    } else if (!input.reasons || input.reasons.trim().length < 3) {
      errors.push({ field: 'reasons', message: 'say why the notice is returned' });
    }
    if (errors.length > 0) fail(errors);
    await this.d.database.transaction(async (tx) => {
      const n = await this.repo.byId(tx, id);
      if (!n || n.status === 'draft') throw new NotFoundError('notice');
      if (n.status !== 'submitted')
        throw new ConflictError(`Only submitted notices are reviewed; this one is ${n.status}.`);
      const now = this.d.clock.now();
      if (input.decision === 'publish') {
        // The checklist is the reviewer's word; required fields are checked again all the same.
        const missing = checkDetails(n.type as NoticeType, n.details, { complete: true });
        if (missing.length > 0) fail(missing);
        const expiresAt = new Date(now.getTime() + n.review_period_days * DAY_MS);
        await tx
          .updateTable('notices')
          .set({ status: 'published', published_at: now, expires_at: expiresAt, updated_at: now })
          .where('id', '=', id)
          .execute();
        await enqueue(tx, {
          kind: NOTICE_EXPIRY_JOB,
          runAt: expiresAt,
          payload: { noticeId: id },
          dedupeKey: `notice-expiry:${id}`,
        });
        await this.revise(tx, viewer, id, n.revision, 'published', requestId, {
          checklist: input.checklist,
          reasons: input.reasons ?? null,
        });
        await emit(tx, {
          topic: 'notices.notice.published',
          data: { noticeId: id, type: n.type, title: n.title },
          audience: { kind: 'members' },
          occurredAt: now,
        });
      } else {
        await tx
          .updateTable('notices')
          .set({ status: 'returned', return_reasons: input.reasons ?? '', updated_at: now })
          .where('id', '=', id)
          .execute();
        await this.revise(tx, viewer, id, n.revision, 'returned', requestId, {
          checklist: input.checklist,
          reasons: input.reasons ?? null,
        });
        await emit(tx, {
          topic: 'notices.notice.returned',
          data: { noticeId: id, type: n.type, title: n.title },
          audience: { kind: 'agencies', agencyIds: [n.owner_agency_id] },
          occurredAt: now,
        });
      }
    });
    this.d.events.notify();
    return this.get(viewer, id, { audit: false });
  }

  async cancel(viewer: Viewer, id: string, reason: string, requestId?: string): Promise<NoticeWithHistory> {
    await this.d.database.transaction(async (tx) => {
      const n = await this.repo.visible(tx, viewer.agencyId, isReviewer(viewer), id);
      if (!n) throw new NotFoundError('notice');
      if (n.owner_agency_id !== viewer.agencyId && !isReviewer(viewer))
        throw new ForbiddenError('Only the requesting agency or the hub cancels a notice.');
      if (!CANCELLABLE.includes(n.status as NoticeStatus))
        throw new ConflictError(`A ${n.status} notice cannot be cancelled.`);
      const now = this.d.clock.now();
      await tx
        .updateTable('notices')
        .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.revise(tx, viewer, id, n.revision, 'cancelled', requestId, { reasons: reason });
      if (n.status === 'published') {
        await emit(tx, {
          topic: 'notices.notice.cancelled',
          data: { noticeId: id, type: n.type, title: n.title },
          audience: { kind: 'members' },
          occurredAt: now,
        });
      }
    });
    this.d.events.notify();
    return this.get(viewer, id, { audit: false });
  }

  /** Job: a published notice whose review period ran out expires (unless renewed or cancelled meanwhile). */
  readonly expire = async (job: JobContext<{ noticeId: string }>) => {
    await job.transaction(async (tx) => {
      const n = await this.repo.byId(tx, job.payload.noticeId);
      if (n?.status !== 'published' || !n.expires_at || n.expires_at > job.now) return;
      await tx.updateTable('notices').set({ status: 'expired', updated_at: job.now }).where('id', '=', n.id).execute();
      await tx
        .insertInto('notice_revisions')
        .values({
          notice_id: n.id,
          revision: n.revision,
          action: 'expired',
          agency_id: n.owner_agency_id,
          user_id: null,
          snapshot: JSON.stringify(snapshotOf(n)),
          checklist: null,
          reasons: `review period of ${n.review_period_days} days ended`,
          created_at: job.now,
        })
        .execute();
      await emit(tx, {
        topic: 'notices.notice.expired',
        data: { noticeId: n.id, type: n.type, title: n.title },
        audience: { kind: 'members' },
        occurredAt: job.now,
      });
    });
    this.d.events.notify();
  };

  async get(viewer: Viewer, id: string, o = { audit: true }): Promise<NoticeWithHistory> {
    const db = this.d.database.db;
    const n = await this.repo.visible(db, viewer.agencyId, isReviewer(viewer), id);
    if (!n) throw new NotFoundError('notice');
    if (o.audit && n.owner_agency_id !== viewer.agencyId) {
      await this.d.database.transaction((tx) =>
        this.d.audit(
          tx,
          { viewer },
          { action: 'notices.notice.read', objectType: 'notice', objectId: id, details: { type: n.type } },
        ),
      );
    }
    const history = await this.repo.history(db, id);
    return {
      ...toNotice(n),
      history: history.map((h) => ({
        revision: h.revision,
        action: h.action,
        agencyId: h.agency_id,
        reasons: h.reasons,
        checklist: (h.checklist ?? null) as ReviewChecklist | null,
        snapshot: h.snapshot as Record<string, unknown>,
        at: h.created_at.toISOString(),
      })),
    };
  }

  private async owned(tx: Tx, viewer: Viewer, id: string): Promise<NoticeRow> {
    const n = await this.repo.visible(tx, viewer.agencyId, isReviewer(viewer), id);
    if (!n) throw new NotFoundError('notice');
    if (n.owner_agency_id !== viewer.agencyId)
      throw new ForbiddenError('Only the requesting agency changes its notice.');
    return n;
  }

  private async revise(
    tx: Tx,
    viewer: Viewer,
    id: string,
    revision: number,
    action: string,
    requestId?: string,
    extra: { checklist?: ReviewChecklist; reasons?: string | null } = {},
  ) {
    const n = (await this.repo.byId(tx, id)) as NoticeRow;
    await tx
      .insertInto('notice_revisions')
      .values({
        notice_id: id,
        revision,
        action,
        agency_id: viewer.agencyId,
        user_id: viewer.userId,
        snapshot: JSON.stringify(snapshotOf(n)),
        checklist: extra.checklist ? JSON.stringify(extra.checklist) : null,
        reasons: extra.reasons ?? null,
        created_at: this.d.clock.now(),
      })
      .execute();
    await this.d.audit(
      tx,
      { viewer, requestId: requestId ?? null },
      { action: `notices.notice.${action}`, objectType: 'notice', objectId: id, details: { type: n.type, revision } },
    );
  }
}
