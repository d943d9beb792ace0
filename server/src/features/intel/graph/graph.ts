/**
 * The intelligence graph: entities (persons, organisations, scam centres, selectors) as nodes,
 * relationships and "holds selector" links as edges, built from plain rows.
 *
 * One undirected multigraph (graphology `MultiUndirectedGraph`):
 * - undirected, because link analysis follows a relationship both ways (a wallet leads to its
 *   holder as much as the holder to the wallet); each edge still keeps the `source` and `target`
 *   it was given, so "A operates B" comes back the way round it was reported;
 * - multi, because two entities can be linked by several relationships of different types
 *   ("operates" and "pays"), and each is evidence an analyst wants to see.
 * Rows that repeat an edge (same source, target and type) merge into one edge whose weight is
 * the sum (a link seen in two reports weighs 2). Edges whose endpoint is not among the nodes are
 * dropped, never given a placeholder node: the caller left that entity out (markings), and a
 * placeholder would reveal that it exists. Self-loops are dropped too. Both are counted in the
 * graph's attributes.
 */
import { MultiUndirectedGraph } from 'graphology';

export interface GraphNode {
  id: string;
  type: 'person' | 'organisation' | 'scam-centre' | 'selector' | (string & {});
  label?: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
  /** A positive strength (reports, confidence); 1 when absent. Not a distance. */
  weight?: number;
}

export interface NodeAttributes {
  type: string;
  label?: string;
}

export interface EdgeAttributes {
  type: string;
  weight: number;
}

export interface GraphAttributes {
  /** Edges left out because an endpoint was not among the nodes. */
  droppedEdges: number;
  /** Self-loops left out. */
  selfLoops: number;
  /** Rows that repeated an edge already present and were merged into it. */
  mergedEdges: number;
}

export type Graph = MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function buildGraph(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): Graph {
  const g: Graph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  for (const n of nodes) {
    if (g.hasNode(n.id)) continue; // the same entity twice (a join): the first row wins
    g.addNode(n.id, n.label == null ? { type: n.type } : { type: n.type, label: n.label });
  }
  let droppedEdges = 0;
  let selfLoops = 0;
  let mergedEdges = 0;
  for (const e of edges) {
    const weight = e.weight ?? 1;
    if (!(weight > 0) || !Number.isFinite(weight)) {
      throw new RangeError(`edge ${e.source} -> ${e.target} (${e.type}): weight must be a positive number`);
    }
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) {
      droppedEdges++;
      continue;
    }
    if (e.source === e.target) {
      selfLoops++;
      continue;
    }
    if (g.hasEdge(e.source, e.target)) {
      const same = g.findEdge(e.source, e.target, (_k, a, s) => s === e.source && a.type === e.type);
      if (same !== undefined) {
        g.updateEdgeAttribute(same, 'weight', (w) => (w ?? 0) + weight);
        mergedEdges++;
        continue;
      }
    }
    g.addEdge(e.source, e.target, { type: e.type, weight });
  }
  g.replaceAttributes({ droppedEdges, selfLoops, mergedEdges });
  return g;
}

/** The node as the API gives it back. */
export function nodeOf(g: Graph, id: string): GraphNode {
  const a = g.getNodeAttributes(id);
  return a.label === undefined ? { id, type: a.type } : { id, type: a.type, label: a.label };
}

/** The edge as the API gives it back, with the direction it was reported in. */
export function edgeOf(g: Graph, key: string): GraphEdge {
  const a = g.getEdgeAttributes(key);
  return { source: g.source(key), target: g.target(key), type: a.type, weight: a.weight };
}

/** Code-unit order, the same as `Array.prototype.sort()` without a comparator. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEdges(a: GraphEdge, b: GraphEdge): number {
  return compareIds(a.source, b.source) || compareIds(a.target, b.target) || compareIds(a.type, b.type);
}
