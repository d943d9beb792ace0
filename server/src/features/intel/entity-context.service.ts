import type { EntityPlace, TimelineEvent } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { agencyInfos } from './agencies-lookup.ts';
import { EntityContextRepository } from './entity-context.repository.ts';
import { viewHits } from './hit-view.ts';
import { type EntityRow, ReportsRepository } from './reports.repository.ts';
import { auditRead, type IntelDeps, reader } from './reports.service.ts';
import { buildTimeline } from './timeline.ts';

/** How far relationships are followed from an entity to the scam centres it is linked to. */
export const PLACE_HOPS = 2;
const MAX_RELATIONSHIPS = 2000;

/** An entity page's timeline and map: what touched the entity, and where it is, within the viewer's markings. */
export class EntityContextService {
  private readonly repo = new EntityContextRepository();
  private readonly reports = new ReportsRepository();

  constructor(private readonly d: IntelDeps) {}

  /** The entity, and the other visible records of the same selector: one subject for the page. */
  private async subject(viewer: Viewer, id: string): Promise<{ entity: EntityRow; all: EntityRow[] }> {
    const db = this.d.database.db;
    const [entity] = await this.reports.visibleEntities(db, reader(viewer), [id]);
    if (!entity) throw new NotFoundError('entity');
    const same = entity.key ? await this.repo.sameKey(db, reader(viewer), entity.key, 200) : [];
    return { entity, all: [entity, ...same.filter((e) => e.id !== entity.id)] };
  }

  async timeline(viewer: Viewer, id: string): Promise<TimelineEvent[]> {
    const db = this.d.database.db;
    const r = reader(viewer);
    const { entity, all } = await this.subject(viewer, id);
    const subject = new Set(all.map((e) => e.id));
    const rels = await this.repo.relationshipsTouching(db, r, [...subject], MAX_RELATIONSHIPS);
    const otherIds = [...new Set(rels.flatMap((l) => [l.source_id, l.target_id]).filter((x) => !subject.has(x)))];
    const others = new Map((await this.reports.visibleEntities(db, r, otherIds)).map((e) => [e.id, e] as const));
    const me = (await agencyInfos(db, [viewer.agencyId])).get(viewer.agencyId);
    if (!me) throw new NotFoundError('agency');
    const hits = await viewHits(db, me, await this.repo.hitsTouching(db, viewer.agencyId, [...subject]));
    const disclosures = await this.repo.disclosuresOf(
      db,
      viewer.agencyId,
      hits.map((h) => h.id),
    );
    const mentioning = new Set(all.map((e) => e.report_id));
    const reportIds = new Set([
      ...mentioning,
      ...rels.map((l) => l.report_id),
      ...hits.flatMap((h) => (h.other.reportId ? [h.other.reportId] : [])),
      ...disclosures.map((d) => d.report_id),
    ]);
    // Every report read again through the markings: a disclosure's report is shown only if readable.
    const reports = new Map((await this.repo.visibleReports(db, r, [...reportIds])).map((x) => [x.id, x] as const));
    const events = buildTimeline({
      subject,
      reports,
      mentioning,
      relationships: rels,
      others,
      hits,
      disclosures,
      viewerAgencyId: viewer.agencyId,
    });
    await this.auditIfShared(viewer, entity, 'intel.entity.timeline.read', [...reports.values()], events.length);
    return events;
  }

  /**
   * The scam centres with a location that the entity is, or reaches through at most PLACE_HOPS
   * relationships (a phone used by a recruiter who recruits for a compound), each with its distance.
   */
  async places(viewer: Viewer, id: string): Promise<EntityPlace[]> {
    const db = this.d.database.db;
    const r = reader(viewer);
    const { entity, all } = await this.subject(viewer, id);
    const hops = new Map<string, number>(all.map((e) => [e.id, 0]));
    let frontier = [...hops.keys()];
    for (let hop = 1; hop <= PLACE_HOPS && frontier.length > 0; hop++) {
      const rels = await this.repo.relationshipsTouching(db, r, frontier, MAX_RELATIONSHIPS);
      const next: string[] = [];
      for (const l of rels)
        for (const n of [l.source_id, l.target_id])
          if (!hops.has(n)) {
            hops.set(n, hop);
            next.push(n);
          }
      frontier = next;
    }
    const centres = await this.repo.centresAmong(db, r, [...hops.keys()]);
    const out = centres
      .map(
        (c): EntityPlace => ({
          id: c.id,
          label: c.label,
          country: c.country,
          lat: c.lat as number,
          lon: c.lon as number,
          status: String((c.attrs as { status?: string } | null)?.status ?? 'active') as EntityPlace['status'],
          moTags: c.mo_tags,
          reportId: c.report_id,
          ownerAgencyId: c.owner_agency_id,
          createdAt: c.created_at.toISOString(),
          hops: hops.get(c.id) ?? 0,
        }),
      )
      .sort((a, b) => a.hops - b.hops || a.label.localeCompare(b.label));
    await this.auditIfShared(viewer, entity, 'intel.entity.places.read', centres, out.length);
    return out;
  }

  /** Reads that show other agencies' records are audited (one entry per page view). */
  private async auditIfShared(
    viewer: Viewer,
    entity: EntityRow,
    action: string,
    records: Array<{ owner_agency_id: string }>,
    count: number,
  ) {
    const owners = [...new Set(records.map((x) => x.owner_agency_id).concat(entity.owner_agency_id))].filter(
      (o) => o !== viewer.agencyId,
    );
    if (owners.length === 0) return;
    await auditRead(this.d, viewer, {
      action,
      objectType: 'entity',
      objectId: entity.id,
      details: { owners, count },
    });
  }
}
