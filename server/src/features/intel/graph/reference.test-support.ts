/**
 * The graphology implementation the compact graph replaced (buildGraph, neighbourhood,
 * shortestPath, networkOf as they were, with Sets and Maps of ids), kept for the tests: the
 * compact graph must give the same answers on the test graphs.
 */
import { MultiUndirectedGraph } from 'graphology';
import { compareEdges, compareIds, type GraphAttributes, type GraphEdge, type GraphNode } from './graph.ts';
import type { Neighbourhood, Path } from './traversal.ts';

type RefGraph = MultiUndirectedGraph<
  { type: string; label?: string },
  { type: string; weight: number },
  GraphAttributes
>;

export function referenceGraph(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): RefGraph {
  const g: RefGraph = new MultiUndirectedGraph();
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

function nodeOf(g: RefGraph, id: string): GraphNode {
  const a = g.getNodeAttributes(id);
  return a.label === undefined ? { id, type: a.type } : { id, type: a.type, label: a.label };
}
function edgeOf(g: RefGraph, key: string): GraphEdge {
  const a = g.getEdgeAttributes(key);
  return { source: g.source(key), target: g.target(key), type: a.type, weight: a.weight };
}

export function referenceNeighbourhood(
  g: RefGraph,
  id: string,
  hops: number,
  limit = 500,
  scanBudget = 10_000,
): Neighbourhood {
  if (!Number.isInteger(hops) || hops < 0) throw new RangeError('hops must be a whole number ≥ 0');
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a whole number ≥ 1');
  if (!g.hasNode(id)) return { nodes: [], edges: [], truncated: false };
  const kept = new Set<string>([id]);
  let frontier = [id];
  let truncated = false;
  let visits = 0;
  const scanned = new Set<string>();
  const pairs: string[] = []; // [v, w, …]: every link a scanned node showed, to find edges later
  for (let depth = 1; depth <= hops && frontier.length > 0 && !truncated; depth++) {
    const found = new Map<string, number>(); // candidate → its links into this hop's frontier
    const frontierLinks = new Map(frontier.map((v) => [v, g.degree(v)]));
    frontier.sort((a, b) => frontierLinks.get(a)! - frontierLinks.get(b)! || compareIds(a, b));
    for (const [k, v] of frontier.entries()) {
      const links = frontierLinks.get(v)!;
      if (k > 0 && visits + links > scanBudget) {
        truncated = true;
        break;
      }
      visits += links;
      scanned.add(v);
      g.forEachNeighbor(v, (w) => {
        pairs.push(v, w);
        if (!kept.has(w)) found.set(w, (found.get(w) ?? 0) + 1);
      });
    }
    let next = [...found.keys()];
    const room = limit - kept.size;
    if (next.length > room) {
      next.sort((a, b) => found.get(b)! - found.get(a)! || compareIds(a, b));
      next = next.slice(0, room);
      truncated = true;
    }
    next.sort(compareIds);
    for (const w of next) kept.add(w);
    frontier = next;
  }
  return { nodes: [...kept].map((n) => nodeOf(g, n)), edges: edgesAmong(g, kept, scanned, pairs), truncated };
}
function edgesAmong(g: RefGraph, kept: Set<string>, scanned: Set<string>, pairs: string[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const emit = (a: string, b: string) => g.forEachEdge(a, b, (key) => void edges.push(edgeOf(g, key)));
  for (let i = 0; i < pairs.length; i += 2) {
    const v = pairs[i]!;
    const w = pairs[i + 1]!;
    if (kept.has(w) && (!scanned.has(w) || v < w)) emit(v, w);
  }
  const rest = [...kept].filter((v) => !scanned.has(v));
  const others = new Set(rest);
  for (const u of rest) {
    if (g.degree(u) <= others.size) {
      g.forEachNeighbor(u, (x) => {
        if (u < x && others.has(x)) emit(u, x);
      });
    } else {
      for (const x of rest) if (u < x && g.hasEdge(u, x)) emit(u, x);
    }
  }
  return edges.sort(compareEdges);
}
export function referenceShortestPath(
  g: RefGraph,
  from: string,
  to: string,
  maxHops = Number.POSITIVE_INFINITY,
): Path | null {
  if (!(maxHops >= 0)) throw new RangeError('maxHops must be ≥ 0');
  if (!g.hasNode(from) || !g.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const parentsA = new Map<string, string | null>([[from, null]]);
  const parentsB = new Map<string, string | null>([[to, null]]);
  let frontA = [from];
  let frontB = [to];
  let hopsA = 0;
  let hopsB = 0;
  let meet: string | undefined;
  while (meet === undefined && frontA.length > 0 && frontB.length > 0 && hopsA + hopsB < maxHops) {
    const forward = frontA.length <= frontB.length;
    const parents = forward ? parentsA : parentsB;
    const other = forward ? parentsB : parentsA;
    const next: string[] = [];
    // A meeting found in this hop is as short as any other in it (the other side's nodes
    // met here all sit on its current frontier), so the first one is a shortest path.
    for (const v of forward ? frontA : frontB) {
      g.someNeighbor(v, (w) => {
        if (parents.has(w)) return false;
        parents.set(w, v);
        next.push(w);
        if (other.has(w)) meet = w;
        return meet !== undefined;
      });
      if (meet !== undefined) break;
    }
    if (forward) {
      frontA = next;
      hopsA++;
    } else {
      frontB = next;
      hopsB++;
    }
  }
  if (meet === undefined) return null;
  const nodes: string[] = [];
  for (let v: string | null | undefined = meet; v != null; v = parentsA.get(v)) nodes.push(v);
  nodes.reverse();
  for (let v = parentsB.get(meet); v != null; v = parentsB.get(v)) nodes.push(v);
  const edges = nodes.slice(1).map((v, i) => strongestEdge(g, nodes[i]!, v));
  return { nodes, edges };
}
function strongestEdge(g: RefGraph, a: string, b: string): GraphEdge {
  let best: GraphEdge | undefined;
  g.forEachEdge(a, b, (key) => {
    const e = edgeOf(g, key);
    if (!best || e.weight! > best.weight! || (e.weight === best.weight && compareEdges(e, best) < 0)) best = e;
  });
  return best!;
}

export function referenceNetworkOf(g: RefGraph, id: string): string[] {
  if (!g.hasNode(id)) return [];
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    g.forEachNeighbor(stack.pop()!, (w) => {
      if (seen.has(w)) return;
      seen.add(w);
      stack.push(w);
    });
  }
  return [...seen].sort(compareIds);
}
