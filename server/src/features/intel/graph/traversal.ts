/**
 * Neighbourhoods and shortest paths: breadth-first searches over the graph, bounded so that a
 * hub (a scam centre with hundreds of workers, a wallet in a thousand reports) cannot turn one
 * request into a walk of the whole graph.
 */
import { compareEdges, compareIds, edgeOf, type Graph, type GraphEdge, type GraphNode, nodeOf } from './graph.ts';

export interface Neighbourhood {
  /** The start first, then hop by hop; within a hop by id. */
  nodes: GraphNode[];
  /** Every edge between two returned nodes, sorted by source, target, type. */
  edges: GraphEdge[];
  /** True when the limit left out nodes within `hops`. */
  truncated: boolean;
}

export const DEFAULT_NEIGHBOURHOOD_LIMIT = 500;
/** Neighbour visits one neighbourhood may make before it stops looking further (see below). */
export const NEIGHBOURHOOD_SCAN_BUDGET = 10_000;

/**
 * The entities within `hops` links of `id`, at most `limit` of them (the start included).
 * When a hop would pass the limit, the entities of that hop most tied to the one before are kept
 * (most links into it, then smallest id: the wallet five co-workers share before a phone only
 * one of them holds) and the search stops with `truncated: true`. The work is bounded too: each
 * hop looks at its frontier from the least to the most connected entity, and stops (truncated)
 * before an entity whose links would take the visits past `scanBudget` (the first entity of a
 * hop is always looked at), so hubs cannot turn a 3-hop request into a walk of their whole
 * network. Nothing depends on the order of the rows. An unknown id (or one the caller left out)
 * gives an empty neighbourhood.
 */
export function neighbourhood(
  g: Graph,
  id: string,
  hops: number,
  limit = DEFAULT_NEIGHBOURHOOD_LIMIT,
  scanBudget = NEIGHBOURHOOD_SCAN_BUDGET,
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

/**
 * Every edge between two nodes of `kept`, each once, sorted. A pair with a scanned end was seen
 * during the search (`pairs`); only pairs of unscanned nodes (the last hop, mostly) are looked
 * up, each from its smaller id, by its neighbours or by the unscanned set, whichever is smaller.
 */
function edgesAmong(g: Graph, kept: Set<string>, scanned: Set<string>, pairs: string[]): GraphEdge[] {
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

export interface Path {
  /** From `from` to `to`. */
  nodes: string[];
  /** `edges[i]` links `nodes[i]` and `nodes[i + 1]`, in the direction it was reported. */
  edges: GraphEdge[];
}

/**
 * A shortest path (fewest links) from `from` to `to` of at most `maxHops` links, or null.
 * Bidirectional breadth-first search, expanding the smaller frontier one whole hop at a time, so
 * it touches about the square root of what a one-sided search would. Among equally short paths it
 * returns the first found, which depends only on the graph as built (the same rows in the same
 * order give the same path). Where two entities are linked several ways, the path shows the
 * heaviest link (then the first type in order).
 */
export function shortestPath(g: Graph, from: string, to: string, maxHops = Number.POSITIVE_INFINITY): Path | null {
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

function strongestEdge(g: Graph, a: string, b: string): GraphEdge {
  let best: GraphEdge | undefined;
  g.forEachEdge(a, b, (key) => {
    const e = edgeOf(g, key);
    if (!best || e.weight! > best.weight! || (e.weight === best.weight && compareEdges(e, best) < 0)) best = e;
  });
  return best!;
}
