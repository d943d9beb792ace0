import type {
  Diffusion,
  NewDiffusion,
  Notice,
  NoticeDraft,
  NoticeReview,
  NoticeStatus,
  NoticeSummary,
  NoticeType,
  NoticeWithHistory,
  PublicNoticeExtract,
  ReviewChecklist,
  SelectorRef,
} from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
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
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { type NoticeRow, NoticesRepository } from './notices.repository.ts';
import { checkDetails, checkPublicExtract, searchTextOf } from './requirements.ts';

export interface NoticesDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
}

export const NOTICE_EXPIRY_JOB = 'notices.expire';
const DAY_MS = 86_400_000;
const EDITABLE: NoticeStatus[] = ['draft', 'returned'];
const CANCELLABLE: NoticeStatus[] = ['draft', 'submitted', 'returned', 'published'];
const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function fail(errors: FieldError[]): never {
  throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** Hub reviewers (who hold the role only in the hub agency) see submitted notices to review them. */
export const isReviewer = (v: Viewer) => hasRole(v, 'hub-reviewer');

/**
 * Notices: drafted by a member agency, reviewed by the hub against the compliance checklist,
 * published to every member (or returned with reasons), cancelled, expired after their review
 * period. Every change keeps a revision. Diffusions go directly to chosen agencies, no review.
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

  list(
    viewer: Viewer,
    f: {
      type?: NoticeType;
      status?: NoticeStatus;
      q?: string;
      mine?: boolean;
      entityId?: string;
      selector?: SelectorRef;
      limit: number;
      offset: number;
    },
  ): Promise<NoticeSummary[]> {
    let selectorKey: string | undefined;
    if (f.selector) {
      const r = normaliseSelector(f.selector);
      if (!r.ok) throw ValidationError.field('selector', r.reason);
      selectorKey = r.selector.key;
    }
    return this.repo
      .search(this.d.database.db, viewer.agencyId, isReviewer(viewer), { ...f, selectorKey })
      .then((rows) => rows.map(toSummary));
  }

  reviewQueue(viewer: Viewer): Promise<NoticeSummary[]> {
    if (!isReviewer(viewer)) throw new ForbiddenError('Only hub reviewers see the review queue.');
    return this.repo
      .search(this.d.database.db, viewer.agencyId, true, {
        status: 'submitted',
        limit: 200,
        offset: 0,
        oldestFirst: true,
      })
      .then((rows) => rows.map(toSummary));
  }

  /** Notices about an intelligence entity the viewer can see: linked by id, or by its selector. */
  async aboutEntity(viewer: Viewer, entityId: string): Promise<NoticeSummary[]> {
    const db = this.d.database.db;
    const [e] = await this.intel.visibleEntities(db, reader(viewer), [entityId]);
    if (!e) throw new NotFoundError('intelligence entity');
    const rows = await this.repo.about(db, viewer.agencyId, isReviewer(viewer), entityId, e.key);
    return rows.map(toSummary);
  }

  async publicExtracts(): Promise<PublicNoticeExtract[]> {
    const rows = await this.repo.publicExtracts(this.d.database.db);
    return rows
      .filter((r) => checkPublicExtract(r.type as NoticeType, r.public_extract, r.details).length === 0)
      .map((r) => ({
        id: r.id,
        type: r.type as NoticeType,
        title: r.title,
        extract: r.public_extract ?? '',
        publishedAt: (r.published_at as Date).toISOString(),
      }));
  }

  // ---- diffusions ------------------------------------------------------------------------------

  async diffuse(viewer: Viewer, input: NewDiffusion, requestId?: string): Promise<Diffusion> {
    const errors: FieldError[] = [];
    const db = this.d.database.db;
    const known = await agencyInfos(db, input.recipientAgencyIds);
    input.recipientAgencyIds.forEach((a, i) => {
      if (!known.has(a)) errors.push({ field: `recipientAgencyIds.${i}`, message: 'no such agency' });
      else if (a === viewer.agencyId) errors.push({ field: `recipientAgencyIds.${i}`, message: 'your own agency' });
    });
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
    const now = this.d.clock.now();
    const id = await this.d.database.transaction(async (tx) => {
      const r = await tx
        .insertInto('diffusions')
        .values({
          owner_agency_id: viewer.agencyId,
          type: input.type ?? null,
          title: input.title,
          body: input.body,
          recipient_agency_ids: input.recipientAgencyIds,
          entity_ids: ids,
          selector_keys: keys,
          created_by_user: viewer.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'notices.diffusion.sent',
          objectType: 'diffusion',
          objectId: r.id,
          details: { recipients: input.recipientAgencyIds },
        },
      );
      await emit(tx, {
        topic: 'notices.diffusion',
        data: { diffusionId: r.id, title: input.title },
        audience: { kind: 'agencies', agencyIds: input.recipientAgencyIds },
        occurredAt: now,
      });
      return r.id;
    });
    this.d.events.notify();
    return this.diffusion(viewer, id, { audit: false });
  }

  async diffusions(viewer: Viewer): Promise<Diffusion[]> {
    const rows = await this.repo.diffusions(this.d.database.db, viewer.agencyId);
    return rows.map(toDiffusion);
  }

  async diffusion(viewer: Viewer, id: string, o = { audit: true }): Promise<Diffusion> {
    const r = await this.repo.diffusion(this.d.database.db, viewer.agencyId, id);
    if (!r) throw new NotFoundError('diffusion');
    if (o.audit && r.owner_agency_id !== viewer.agencyId) {
      await this.d.database.transaction((tx) =>
        this.d.audit(tx, { viewer }, { action: 'notices.diffusion.read', objectType: 'diffusion', objectId: id }),
      );
    }
    return toDiffusion(r);
  }

  // ---- helpers ----------------------------------------------------------------------------------

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

function selectorKeys(selectors: SelectorRef[]): { keys: string[]; errors: FieldError[] } {
  const keys: string[] = [];
  const errors: FieldError[] = [];
  selectors.forEach((s, i) => {
    const r = normaliseSelector(s);
    if (r.ok) keys.push(r.selector.key);
    else errors.push({ field: `selectors.${i}.value`, message: r.reason });
  });
  return { keys: [...new Set(keys)], errors };
}

function draftOf(n: NoticeRow): NoticeDraft {
  return {
    type: n.type as NoticeType,
    title: n.title,
    summary: n.summary,
    details: n.details as Record<string, unknown>,
    entityIds: n.entity_ids,
    publicExtract: n.public_extract,
  };
}

function snapshotOf(n: NoticeRow) {
  return {
    title: n.title,
    summary: n.summary,
    details: n.details,
    entityIds: n.entity_ids,
    selectorKeys: n.selector_keys,
    publicExtract: n.public_extract,
    status: n.status,
  };
}

function toNotice(n: NoticeRow & { owner_name: string }): Notice {
  return {
    id: n.id,
    type: n.type as NoticeType,
    status: n.status as NoticeStatus,
    ownerAgencyId: n.owner_agency_id,
    ownerAgencyName: n.owner_name,
    title: n.title,
    summary: n.summary,
    details: n.details as Record<string, unknown>,
    entityIds: n.entity_ids,
    selectorKeys: n.selector_keys,
    publicExtract: n.public_extract,
    reviewPeriodDays: n.review_period_days,
    revision: n.revision,
    submittedAt: iso(n.submitted_at),
    publishedAt: iso(n.published_at),
    expiresAt: iso(n.expires_at),
    returnReasons: n.return_reasons,
    createdAt: n.created_at.toISOString(),
    updatedAt: n.updated_at.toISOString(),
  };
}

function toSummary(n: {
  id: string;
  type: string;
  status: string;
  owner_agency_id: string;
  owner_name: string;
  title: string;
  published_at: Date | null;
  updated_at: Date;
}): NoticeSummary {
  return {
    id: n.id,
    type: n.type as NoticeType,
    status: n.status as NoticeStatus,
    ownerAgencyId: n.owner_agency_id,
    ownerAgencyName: n.owner_name,
    title: n.title,
    publishedAt: iso(n.published_at),
    updatedAt: n.updated_at.toISOString(),
  };
}

function toDiffusion(r: {
  id: string;
  owner_agency_id: string;
  owner_name: string;
  title: string;
  body: string;
  type: string | null;
  recipient_agency_ids: string[];
  entity_ids: string[];
  selector_keys: string[];
  created_at: Date;
}): Diffusion {
  return {
    id: r.id,
    ownerAgencyId: r.owner_agency_id,
    ownerAgencyName: r.owner_name,
    title: r.title,
    body: r.body,
    type: r.type as NoticeType | null,
    recipientAgencyIds: r.recipient_agency_ids,
    entityIds: r.entity_ids,
    selectorKeys: r.selector_keys,
    createdAt: r.created_at.toISOString(),
  };
}
