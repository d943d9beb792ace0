import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NoticesTable } from './notices.tables.ts';

export type NoticeRow = Selectable<NoticesTable>;

/**
 * Who sees a notice: its requesting agency always; hub reviewers once it is submitted; every
 * member once it was published (it stays readable, marked cancelled or expired, afterwards).
 */
function visible(agencyId: string, reviewer: boolean) {
  return sql<boolean>`(n.owner_agency_id = ${agencyId}::uuid or n.published_at is not null
    ${reviewer ? sql`or n.status <> 'draft'` : sql``})`;
}

export interface NoticeSearch {
  type?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  mine?: boolean | undefined;
  entityId?: string | undefined;
  selectorKey?: string | undefined;
  limit: number;
  offset: number;
  oldestFirst?: boolean;
}

/** Notices, their revisions and diffusions: the only place with their SQL. */
export class NoticesRepository {
  byId(db: Executor, id: string) {
    return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  visible(db: Executor, agencyId: string, reviewer: boolean, id: string) {
    return db
      .selectFrom('notices as n')
      .innerJoin('agencies as a', 'a.id', 'n.owner_agency_id')
      .selectAll('n')
      .select('a.name as owner_name')
      .where('n.id', '=', id)
      .where(visible(agencyId, reviewer))
      .executeTakeFirst();
  }

  history(db: Executor, id: string) {
    return db
      .selectFrom('notice_revisions')
      .selectAll()
      .where('notice_id', '=', id)
      .orderBy('created_at')
      .orderBy('revision')
      .execute();
  }

  search(db: Executor, agencyId: string, reviewer: boolean, f: NoticeSearch) {
    let q = db
      .selectFrom('notices as n')
      .innerJoin('agencies as a', 'a.id', 'n.owner_agency_id')
      .select([
        'n.id',
        'n.type',
        'n.status',
        'n.owner_agency_id',
        'a.name as owner_name',
        'n.title',
        'n.published_at',
        'n.updated_at',
      ])
      .where(visible(agencyId, reviewer));
    if (f.type) q = q.where('n.type', '=', f.type);
    if (f.status) q = q.where('n.status', '=', f.status);
    if (f.mine) q = q.where('n.owner_agency_id', '=', agencyId);
    if (f.entityId) q = q.where(sql<boolean>`${f.entityId}::uuid = any(n.entity_ids)`);
    if (f.selectorKey) q = q.where(sql<boolean>`${f.selectorKey}::text = any(n.selector_keys)`);
    if (f.q) {
      for (const word of f.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
        const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where('n.search_text', 'like', like);
      }
    }
    return q
      .orderBy('n.updated_at', f.oldestFirst ? 'asc' : 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  }

  about(db: Executor, agencyId: string, reviewer: boolean, entityId: string, selectorKey: string | null) {
    return db
      .selectFrom('notices as n')
      .innerJoin('agencies as a', 'a.id', 'n.owner_agency_id')
      .select([
        'n.id',
        'n.type',
        'n.status',
        'n.owner_agency_id',
        'a.name as owner_name',
        'n.title',
        'n.published_at',
        'n.updated_at',
      ])
      .where(visible(agencyId, reviewer))
      .where(
        selectorKey
          ? sql<boolean>`(${entityId}::uuid = any(n.entity_ids) or ${selectorKey}::text = any(n.selector_keys))`
          : sql<boolean>`${entityId}::uuid = any(n.entity_ids)`,
      )
      .orderBy('n.updated_at', 'desc')
      .limit(100)
      .execute();
  }

  publicExtracts(db: Executor) {
    return db
      .selectFrom('notices')
      .select(['id', 'type', 'title', 'public_extract', 'details', 'published_at'])
      .where('status', '=', 'published')
      .where('public_extract', 'is not', null)
      .where('type', 'in', ['purple', 'yellow'])
      .orderBy('published_at', 'desc')
      .limit(200)
      .execute();
  }

  async hubAgencyIds(db: Executor): Promise<string[]> {
    return (await db.selectFrom('agencies').select('id').where('kind', '=', 'hub').execute()).map((r) => r.id);
  }

  diffusions(db: Executor, agencyId: string) {
    return db
      .selectFrom('diffusions as d')
      .innerJoin('agencies as a', 'a.id', 'd.owner_agency_id')
      .selectAll('d')
      .select('a.name as owner_name')
      .where(sql<boolean>`(d.owner_agency_id = ${agencyId}::uuid or ${agencyId}::uuid = any(d.recipient_agency_ids))`)
      .orderBy('d.created_at', 'desc')
      .limit(200)
      .execute();
  }

  diffusion(db: Executor, agencyId: string, id: string) {
    return db
      .selectFrom('diffusions as d')
      .innerJoin('agencies as a', 'a.id', 'd.owner_agency_id')
      .selectAll('d')
      .select('a.name as owner_name')
      .where('d.id', '=', id)
      .where(sql<boolean>`(d.owner_agency_id = ${agencyId}::uuid or ${agencyId}::uuid = any(d.recipient_agency_ids))`)
      .executeTakeFirst();
  }
}
