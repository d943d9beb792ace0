import type { Entity, MapCentre as MapCentreContract } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { visibleTo } from '../../platform/markings/visible-to.ts';
import {
  buildGraph,
  communities,
  type Graph,
  type GraphEdge,
  type GraphNode,
  keyPlayers,
  neighbourhood,
  networkOf,
  networks,
  shortestPath,
} from './graph/index.ts';
import { type IntelChange, VisibleGraphCache } from './graph-cache.ts';
import { ReportsRepository, toEntity } from './reports.repository.ts';
import { auditRead, type IntelDeps, reader } from './reports.service.ts';

/**
 * Node ids: a selector is its canonical key (so the same wallet in two reports is one node), a
 * report is `report:<id>`, any other entity its id. Reports link to what they mention; declared
 * relationships link entities; networks form across reports through shared selectors.
 */
const nodeIdOf = (e: { id: string; key: string | null }) => e.key ?? e.id;

/** Past this many new visible entities in one update, the kept graph is built again instead. */
const INCREMENTAL_MAX_ENTITIES = 10_000;

export interface MapCentre {
  id: string;
  label: string;
  country: string | null;
  lat: number;
  lon: number;
  status: MapCentreContract['status'];
  moTags: string[];
  reportId: string;
  ownerAgencyId: string;
  createdAt: string;
}

/**
 * A reader's visible graph as kept between requests, with what it was built from, so that a
 * write can be applied to it (graph-cache.ts): the reports in it, the visible entities (entity
 * id → node id) and the confirmed hits whose same-as link it holds.
 */
interface KeptGraph {
  graph: Graph;
  reports: Set<string>;
  entities: Map<string, string>;
  sameAs: Set<string>;
}

/** Entity pages, the graph (neighbourhood, paths, networks) and the map: all within the viewer's markings. */
export class LinksService {
  readonly graphs = new VisibleGraphCache<KeptGraph>();
  constructor(private readonly d: IntelDeps) {}

  /** The viewer's whole visible graph, kept per reader on this node and updated from writes (graph-cache.ts). */
  private async visibleGraph(viewer: Viewer): Promise<Graph> {
    const kept = await this.graphs.get(
      `${viewer.agencyId}|${viewer.region}`,
      () => this.buildVisibleGraph(viewer),
      (k, changes) => this.updateVisibleGraph(viewer, k, changes),
    );
    return kept.graph;
  }

  private async buildVisibleGraph(viewer: Viewer): Promise<KeptGraph> {
    const db = this.d.database.db;
    const rows = await db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select(['e.id', 'e.kind', 'e.label', 'e.key', 'e.report_id', 'r.title'])
      .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
      .execute();
    const entities = new Map(rows.map((r) => [r.id, nodeIdOf(r)]));
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const reports = new Map<string, string>();
    for (const r of rows) {
      nodes.push({ id: nodeIdOf(r), type: r.kind, label: r.label });
      reports.set(r.report_id, r.title);
      edges.push({ source: `report:${r.report_id}`, target: nodeIdOf(r), type: 'mentions' });
    }
    for (const [id, title] of reports) nodes.push({ id: `report:${id}`, type: 'report', label: title });
    const sameAs = new Set<string>();
    if (rows.length > 0) {
      const rels = await db
        .selectFrom('relationships as l')
        .innerJoin('reports as r', 'r.id', 'l.report_id')
        .select(['l.source_id', 'l.target_id', 'l.type'])
        .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
        .execute();
      for (const l of rels) {
        const s = entities.get(l.source_id);
        const t = entities.get(l.target_id);
        if (s && t) edges.push({ source: s, target: t, type: l.type });
      }
      const same = await db
        .selectFrom('hits')
        .select(['id', 'a_entity_id', 'b_entity_id'])
        .where('status', '=', 'confirmed')
        .where('kind', '<>', 'selector')
        .execute();
      for (const h of same) {
        const a = entities.get(h.a_entity_id);
        const b = entities.get(h.b_entity_id);
        if (!a || !b) continue;
        edges.push({ source: a, target: b, type: 'same-as' });
        sameAs.add(h.id);
      }
    }
    return { graph: buildGraph(nodes, edges), reports: new Set(reports.keys()), entities, sameAs };
  }

  /**
   * Applies writes to a kept graph, reading only the rows they touched, under the viewer's
   * markings, with the rules of the full build: reports new to this reader bring their entities,
   * their "mentions" links, the relationships that now have both ends visible and the confirmed
   * same-as links of their entities; a decided hit adds or takes away its same-as link. Each
   * step is idempotent (a report already in, a hit already applied), so a change the build
   * already saw is not counted twice.
   */
  private async updateVisibleGraph(viewer: Viewer, kept: KeptGraph, changes: IntelChange[]): Promise<KeptGraph> {
    const db = this.d.database.db;
    const { graph: g, entities } = kept;
    const reportIds = new Set<string>();
    const hitIds = new Set<string>();
    for (const c of changes) {
      if ('hit' in c) hitIds.add(c.hit);
      else for (const id of c.reports) if (!kept.reports.has(id)) reportIds.add(id);
    }
    const added: string[] = [];
    if (reportIds.size > 0) {
      const rows = await db
        .selectFrom('entities as e')
        .innerJoin('reports as r', 'r.id', 'e.report_id')
        .select(['e.id', 'e.kind', 'e.label', 'e.key', 'e.report_id', 'r.title'])
        .where('r.id', 'in', [...reportIds])
        .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
        .orderBy('e.report_id')
        .execute();
      // A big import (bulk batches): one full build reads less than this many keyed queries.
      if (rows.length > INCREMENTAL_MAX_ENTITIES) return this.buildVisibleGraph(viewer);
      const titles = new Map<string, string>();
      for (const r of rows) {
        if (entities.has(r.id)) continue;
        g.addNode({ id: nodeIdOf(r), type: r.kind, label: r.label });
        entities.set(r.id, nodeIdOf(r));
        added.push(r.id);
        titles.set(r.report_id, r.title);
      }
      for (const [id, title] of titles) g.addNode({ id: `report:${id}`, type: 'report', label: title });
      for (const r of rows) {
        if (titles.has(r.report_id))
          g.addEdge({ source: `report:${r.report_id}`, target: nodeIdOf(r), type: 'mentions' });
      }
      for (const id of titles.keys()) kept.reports.add(id);
    }
    if (added.length > 0) {
      // Relationships of the new reports, and older ones that pointed at an entity not visible
      // until now (a disclosure): both ends must be visible, as in the full build.
      const newReports = [...kept.reports].filter((id) => reportIds.has(id));
      const rels = await db
        .selectFrom('relationships as l')
        .innerJoin('reports as r', 'r.id', 'l.report_id')
        .select(['l.source_id', 'l.target_id', 'l.type'])
        .where((eb) =>
          eb.or([
            ...(newReports.length > 0 ? [eb('l.report_id', 'in', newReports)] : []),
            eb('l.source_id', 'in', added),
            eb('l.target_id', 'in', added),
          ]),
        )
        .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
        .execute();
      for (const l of rels) {
        const s = entities.get(l.source_id);
        const t = entities.get(l.target_id);
        if (s && t) g.addEdge({ source: s, target: t, type: l.type });
      }
    }
    if (added.length > 0 || hitIds.size > 0) {
      const hits = await db
        .selectFrom('hits')
        .select(['id', 'a_entity_id', 'b_entity_id', 'status', 'kind'])
        .where((eb) =>
          eb.or([
            ...(hitIds.size > 0 ? [eb('id', 'in', [...hitIds])] : []),
            ...(added.length > 0 ? [eb('a_entity_id', 'in', added), eb('b_entity_id', 'in', added)] : []),
          ]),
        )
        .execute();
      for (const h of hits) {
        const a = entities.get(h.a_entity_id);
        const b = entities.get(h.b_entity_id);
        const want = h.status === 'confirmed' && h.kind !== 'selector' && a !== undefined && b !== undefined;
        if (want && !kept.sameAs.has(h.id)) {
          g.addEdge({ source: a, target: b, type: 'same-as' });
          kept.sameAs.add(h.id);
        } else if (!want && kept.sameAs.has(h.id)) {
          g.removeEdge({ source: a!, target: b!, type: 'same-as', weight: 1 });
          kept.sameAs.delete(h.id);
        }
      }
    }
    return kept;
  }

  async entity(viewer: Viewer, id: string): Promise<{ entity: Entity; sameKey: Entity[] }> {
    const db = this.d.database.db;
    const [e] = await db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .selectAll('e')
      .where('e.id', '=', id)
      .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
      .execute();
    if (!e) throw new NotFoundError('entity');
    if (e.owner_agency_id !== viewer.agencyId) {
      await auditRead(this.d, viewer, {
        action: 'intel.entity.read',
        objectType: 'entity',
        objectId: e.id,
        details: { owner: e.owner_agency_id },
      });
    }
    const sameKey = e.key
      ? await db
          .selectFrom('entities as e')
          .innerJoin('reports as r', 'r.id', 'e.report_id')
          .selectAll('e')
          .where('e.key', '=', e.key)
          .where('e.id', '<>', e.id)
          .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
          .orderBy('e.created_at')
          .limit(200)
          .execute()
      : [];
    return { entity: toEntity(e), sameKey: sameKey.map(toEntity) };
  }

  /** A node id as the graph knows it: a selector entity's id stands for its canonical key. */
  private async resolve(viewer: Viewer, g: Graph, node: string): Promise<string> {
    if (g.hasNode(node)) return node;
    if (/^[0-9a-f-]{36}$/i.test(node)) {
      const [e] = await new ReportsRepository().visibleEntities(this.d.database.db, reader(viewer), [
        node.toLowerCase(),
      ]);
      if (e?.key && g.hasNode(e.key)) return e.key;
    }
    throw new NotFoundError('node');
  }

  async neighbourhood(viewer: Viewer, node: string, hops: number, limit: number) {
    const g = await this.visibleGraph(viewer);
    return neighbourhood(g, await this.resolve(viewer, g, node), hops, limit);
  }

  async path(viewer: Viewer, from: string, to: string, maxHops: number) {
    const g = await this.visibleGraph(viewer);
    return { path: shortestPath(g, await this.resolve(viewer, g, from), await this.resolve(viewer, g, to), maxHops) };
  }

  async networks(viewer: Viewer, top: number) {
    const g = await this.visibleGraph(viewer);
    return networks(g, { minSize: 3, top, nodeIds: false }).map((n) => {
      const members = networkOf(g, n.id);
      return {
        ...n,
        keyPlayers: keyPlayers(g, members, { top: 5, betweennessSamples: members.length > 2000 ? 64 : 0 }).map((p) => ({
          ...p,
          label: g.getNodeAttribute(p.id, 'label') ?? p.id,
          type: g.getNodeAttribute(p.id, 'type'),
        })),
        communities: members.length >= 50 ? communities(g, members).length : 1,
      };
    });
  }

  /** The reports whose entities form the network of `node` (what a network export carries). */
  async networkReports(viewer: Viewer, node: string): Promise<string[]> {
    const g = await this.visibleGraph(viewer);
    const members = networkOf(g, await this.resolve(viewer, g, node));
    return members
      .filter((id) => id.startsWith('report:'))
      .map((id) => id.slice('report:'.length))
      .sort();
  }

  async map(viewer: Viewer, f: { moTag?: string; from?: string; to?: string }): Promise<MapCentre[]> {
    let q = this.d.database.db
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
      .where('e.kind', '=', 'scam-centre')
      .where('e.lat', 'is not', null)
      .where(visibleTo(reader(viewer), 'r', { disclosed: true }));
    if (f.moTag) q = q.where(({ eb, val }) => eb(val(f.moTag), '=', eb.fn.any('r.mo_tags')));
    if (f.from) q = q.where('e.created_at', '>=', new Date(f.from));
    // `to` is a day: the whole of it is in the period.
    if (f.to) q = q.where('e.created_at', '<', new Date(Date.parse(f.to) + 86_400_000));
    const rows = await q.orderBy('e.created_at', 'desc').limit(5000).execute();
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      country: r.country,
      lat: r.lat as number,
      lon: r.lon as number,
      status: String((r.attrs as { status?: string }).status ?? 'active') as MapCentre['status'],
      moTags: r.mo_tags,
      reportId: r.report_id,
      ownerAgencyId: r.owner_agency_id,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
