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
import { VisibleGraphCache } from './graph-cache.ts';
import { ReportsRepository, toEntity } from './reports.repository.ts';
import { auditRead, type IntelDeps, reader } from './reports.service.ts';

/**
 * Node ids: a selector is its canonical key (so the same wallet in two reports is one node), a
 * report is `report:<id>`, any other entity its id. Reports link to what they mention; declared
 * relationships link entities; networks form across reports through shared selectors.
 */
const nodeIdOf = (e: { id: string; key: string | null }) => e.key ?? e.id;

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

/** Entity pages, the graph (neighbourhood, paths, networks) and the map: all within the viewer's markings. */
export class LinksService {
  readonly #graphs = new VisibleGraphCache();
  constructor(private readonly d: IntelDeps) {}

  /** The viewer's whole visible graph, cached per reader on this node (graph-cache.ts). */
  private visibleGraph(viewer: Viewer): Promise<Graph> {
    return this.#graphs.get(`${viewer.agencyId}|${viewer.region}`, () => this.buildVisibleGraph(viewer));
  }

  private async buildVisibleGraph(viewer: Viewer): Promise<Graph> {
    const db = this.d.database.db;
    const rows = await db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select(['e.id', 'e.kind', 'e.label', 'e.key', 'e.report_id', 'r.title'])
      .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const reports = new Map<string, string>();
    for (const r of rows) {
      nodes.push({ id: nodeIdOf(r), type: r.kind, label: r.label });
      reports.set(r.report_id, r.title);
      edges.push({ source: `report:${r.report_id}`, target: nodeIdOf(r), type: 'mentions' });
    }
    for (const [id, title] of reports) nodes.push({ id: `report:${id}`, type: 'report', label: title });
    if (rows.length > 0) {
      const rels = await db
        .selectFrom('relationships as l')
        .innerJoin('reports as r', 'r.id', 'l.report_id')
        .select(['l.source_id', 'l.target_id', 'l.type'])
        .where(visibleTo(reader(viewer), 'r', { disclosed: true }))
        .execute();
      for (const l of rels) {
        const s = byId.get(l.source_id);
        const t = byId.get(l.target_id);
        if (s && t) edges.push({ source: nodeIdOf(s), target: nodeIdOf(t), type: l.type });
      }
      const same = await db
        .selectFrom('hits')
        .select(['a_entity_id', 'b_entity_id', 'kind'])
        .where('status', '=', 'confirmed')
        .where('kind', '<>', 'selector')
        .execute();
      for (const h of same) {
        const a = byId.get(h.a_entity_id);
        const b = byId.get(h.b_entity_id);
        if (a && b) edges.push({ source: nodeIdOf(a), target: nodeIdOf(b), type: 'same-as' });
      }
    }
    return buildGraph(nodes, edges);
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
