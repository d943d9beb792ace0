import type { Diffusion, Notice, NoticeDraft, NoticeStatus, NoticeSummary, NoticeType } from '@cordon/contracts';
import type { NoticeRow } from './notices.repository.ts';
import { iso } from './notices.shared.ts';

/** Rows of notices and diffusions as the API shows them. */
export function draftOf(n: NoticeRow): NoticeDraft {
  return {
    type: n.type as NoticeType,
    title: n.title,
    summary: n.summary,
    details: n.details as Record<string, unknown>,
    entityIds: n.entity_ids,
    publicExtract: n.public_extract,
  };
}

export function snapshotOf(n: NoticeRow) {
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

export function toNotice(n: NoticeRow & { owner_name: string }): Notice {
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

export function toSummary(n: {
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

export function toDiffusion(r: {
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
