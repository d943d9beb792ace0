import type { Entity, Marking, Relationship, ReportSummary } from '@cordon/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { fromColumns, type MarkingColumns, toColumns } from '../../platform/markings/columns.ts';
import type { Reader } from '../../platform/markings/markings.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import type { EntitiesTable, ReportsTable } from './intel.tables.ts';
import type { PreparedEntity } from './prepare.ts';

export type ReportRow = Selectable<ReportsTable>;
export type EntityRow = Selectable<EntitiesTable>;

export const markingOf = (r: ReportRow): Marking => fromColumns(r as unknown as MarkingColumns);
export const gradeOf = (r: Pick<ReportRow, 'reliability' | 'credibility'>) => `${r.reliability}${r.credibility}`;

export function toEntity(e: EntityRow): Entity {
  return {
    id: e.id,
    reportId: e.report_id,
    ownerAgencyId: e.owner_agency_id,
    kind: e.kind as Entity['kind'],
    label: e.label,
    selectorKind: e.selector_kind as Entity['selectorKind'],
    key: e.key,
    country: e.country,
    location: e.lat !== null && e.lon !== null ? { lat: e.lat, lon: e.lon } : null,
    attrs: (e.attrs ?? {}) as Record<string, unknown>,
    createdAt: e.created_at.toISOString(),
  };
}

/** Reports, their entities and relationships: the only place with their SQL. */
export class ReportsRepository {
  async bySourceRef(db: Executor, agencyId: string, sourceRef: string): Promise<ReportRow | undefined> {
    return db
      .selectFrom('reports')
      .selectAll()
      .where('owner_agency_id', '=', agencyId)
      .where('source_ref', '=', sourceRef)
      .executeTakeFirst();
  }

  async insertReport(
    db: Executor,
    r: {
      ownerAgencyId: string;
      userId: string | null;
      tokenId: string | null;
      title: string;
      summary: string;
      marking: Marking;
      moTags: string[];
      sourceRef: string | null;
      at: Date;
    },
  ): Promise<ReportRow> {
    const { tlp, pap, reliability, credibility, audience_kind, audience_regions, audience_agencies } = toColumns(
      r.marking,
    );
    return db
      .insertInto('reports')
      .values({
        owner_agency_id: r.ownerAgencyId,
        created_by_user: r.userId,
        created_by_token: r.tokenId,
        title: r.title,
        summary: r.summary,
        tlp,
        pap,
        reliability,
        credibility,
        audience_kind,
        audience_regions,
        audience_agencies,
        mo_tags: r.moTags,
        source_ref: r.sourceRef,
        created_at: r.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async insertEntities(db: Executor, report: ReportRow, entities: PreparedEntity[]): Promise<EntityRow[]> {
    if (entities.length === 0) return [];
    const out: EntityRow[] = [];
    // Chunks keep each statement under the bind-parameter limit.
    for (let i = 0; i < entities.length; i += 500) {
      const rows = await db
        .insertInto('entities')
        .values(
          entities.slice(i, i + 500).map((e) => ({
            report_id: report.id,
            owner_agency_id: report.owner_agency_id,
            kind: e.kind,
            label: e.label,
            selector_kind: e.selectorKind,
            key: e.key,
            name_keys: e.nameKeys,
            blocking_keys: e.blockingKeys,
            country: e.country,
            lat: e.lat,
            lon: e.lon,
            attrs: JSON.stringify(e.attrs),
            created_at: report.created_at,
          })),
        )
        .returningAll()
        .execute();
      out.push(...rows);
    }
    return out;
  }

  async insertRelationships(db: Executor, report: ReportRow, rels: Array<{ from: string; to: string; type: string }>) {
    if (rels.length === 0) return [];
    return db
      .insertInto('relationships')
      .values(
        rels.map((r) => ({
          report_id: report.id,
          source_id: r.from,
          target_id: r.to,
          type: r.type,
          created_at: report.created_at,
        })),
      )
      .returningAll()
      .execute();
  }

  /** A report the reader may see (owner, audience, or disclosed to it). */
  async visibleReport(db: Executor, reader: Reader, id: string): Promise<ReportRow | undefined> {
    return db
      .selectFrom('reports as r')
      .selectAll()
      .where('r.id', '=', id)
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .executeTakeFirst();
  }

  async report(db: Executor, id: string): Promise<ReportRow | undefined> {
    return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async entitiesOf(db: Executor, reportId: string): Promise<EntityRow[]> {
    return db
      .selectFrom('entities')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async relationshipsOf(db: Executor, reportId: string): Promise<Relationship[]> {
    const rows = await db.selectFrom('relationships').selectAll().where('report_id', '=', reportId).execute();
    return rows.map((r) => ({
      id: r.id,
      reportId: r.report_id,
      from: r.source_id,
      to: r.target_id,
      type: r.type as Relationship['type'],
    }));
  }

  /** Entities (by id) that the reader may see through their reports. */
  async visibleEntities(db: Executor, reader: Reader, ids: string[]): Promise<EntityRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .selectAll('e')
      .where('e.id', 'in', ids)
      .where(visibleTo(reader, 'r', { disclosed: true }))
      .execute();
  }

  async list(db: Executor, reader: Reader, o: { limit: number; offset: number; mine?: boolean; moTag?: string }) {
    let q = db.selectFrom('reports as r').where(visibleTo(reader, 'r', { disclosed: true }));
    if (o.mine) q = q.where('r.owner_agency_id', '=', reader.agencyId);
    if (o.moTag) q = q.where(({ eb, val }) => eb(val(o.moTag), '=', eb.fn.any('r.mo_tags')));
    const rows = await q
      .selectAll('r')
      .select((eb) => [
        eb
          .selectFrom('entities as e')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.kind', '=', 'person')
          .select(eb.fn.countAll<number>().as('n'))
          .as('persons'),
        eb
          .selectFrom('entities as e')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.kind', '=', 'organisation')
          .select(eb.fn.countAll<number>().as('n'))
          .as('organisations'),
        eb
          .selectFrom('entities as e')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.kind', '=', 'scam-centre')
          .select(eb.fn.countAll<number>().as('n'))
          .as('centres'),
        eb
          .selectFrom('entities as e')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.kind', '=', 'selector')
          .select(eb.fn.countAll<number>().as('n'))
          .as('selectors'),
      ])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(o.limit)
      .offset(o.offset)
      .execute();
    return rows.map(
      (r): ReportSummary => ({
        id: r.id,
        ownerAgencyId: r.owner_agency_id,
        title: r.title,
        marking: markingOf(r),
        moTags: r.mo_tags,
        createdAt: r.created_at.toISOString(),
        counts: {
          persons: Number(r.persons ?? 0),
          organisations: Number(r.organisations ?? 0),
          scamCentres: Number(r.centres ?? 0),
          selectors: Number(r.selectors ?? 0),
        },
      }),
    );
  }

  async knownMoTags(db: Executor, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await db.selectFrom('mo_tags').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  }
}
