import type { Executor } from '../../platform/db/database.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import type { HitRow } from './hits.repository.ts';
import type { EntityRow, ReportRow } from './reports.repository.ts';

export interface RelationshipRow {
  id: string;
  report_id: string;
  source_id: string;
  target_id: string;
  type: string;
  created_at: Date;
}

export interface DisclosureRow {
  id: string;
  hit_id: string;
  report_id: string;
  requester_agency_id: string;
  holder_agency_id: string;
  status: string;
  created_at: Date;
  decided_at: Date | null;
}

/** What an entity page reads around one entity, each query within the reader's markings. */
export class EntityContextRepository {
  /** Visible entities with the same selector key (the entity itself included). */
  async sameKey(db: Executor, reader: Reader, key: string, limit: number): Promise<EntityRow[]> {
    return db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .selectAll('e')
      .where('e.key', '=', key)
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .orderBy('e.created_at')
      .limit(limit)
      .execute();
  }

  /** Reports the reader may see, by id. */
  async visibleReports(db: Executor, reader: Reader, ids: string[]): Promise<ReportRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('reports as r')
      .selectAll('r')
      .where('r.id', 'in', ids)
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .execute();
  }

  /** Relationships declared in reports the reader may see that start or end at one of `ids`. */
  async relationshipsTouching(db: Executor, reader: Reader, ids: string[], limit: number): Promise<RelationshipRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('relationships as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .select(['l.id', 'l.report_id', 'l.source_id', 'l.target_id', 'l.type', 'l.created_at'])
      .where((eb) => eb.or([eb('l.source_id', 'in', ids), eb('l.target_id', 'in', ids)]))
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .orderBy('l.created_at')
      .limit(limit)
      .execute();
  }

  /** Hits on one of `ids` to which the agency is a party (hits are only ever the two agencies' business). */
  async hitsTouching(db: Executor, agencyId: string, ids: string[]): Promise<HitRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('hits')
      .selectAll()
      .where((eb) =>
        eb.and([
          eb.or([eb('a_entity_id', 'in', ids), eb('b_entity_id', 'in', ids)]),
          eb.or([eb('a_agency_id', '=', agencyId), eb('b_agency_id', '=', agencyId)]),
        ]),
      )
      .orderBy('created_at')
      .limit(500)
      .execute();
  }

  /** Disclosure requests on these hits that the agency made or received. */
  async disclosuresOf(db: Executor, agencyId: string, hitIds: string[]): Promise<DisclosureRow[]> {
    if (hitIds.length === 0) return [];
    return db
      .selectFrom('disclosure_requests')
      .select([
        'id',
        'hit_id',
        'report_id',
        'requester_agency_id',
        'holder_agency_id',
        'status',
        'created_at',
        'decided_at',
      ])
      .where('hit_id', 'in', hitIds)
      .where((eb) => eb.or([eb('requester_agency_id', '=', agencyId), eb('holder_agency_id', '=', agencyId)]))
      .orderBy('created_at')
      .execute();
  }

  /** Scam centres with a location among `ids`, with their report's tags, that the reader may see. */
  async centresAmong(db: Executor, reader: Reader, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select([
        'e.id',
        'e.label',
        'e.country',
        'e.lat',
        'e.lon',
        'e.attrs',
        'e.report_id',
        'e.owner_agency_id',
        'e.created_at',
        'r.mo_tags',
      ])
      .where('e.id', 'in', ids)
      .where('e.kind', '=', 'scam-centre')
      .where('e.lat', 'is not', null)
      .where('e.lon', 'is not', null)
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .execute();
  }
}
