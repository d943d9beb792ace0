/**
 * Neighbourhoods and shortest paths: breadth-first searches over the graph, bounded so that a
 * hub (a scam centre with hundreds of workers, a wallet in a thousand reports) cannot turn one
 * request into a walk of the whole graph.
 */
import { compareEdges, compareIds, type Graph, type GraphEdge, type GraphNode } from './graph.ts';
import { type Marks, marksFor } from './marks.ts';

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
  const start = g.indexOf(id);
  if (start < 0) return { nodes: [], edges: [], truncated: false };
  // Node indices and typed marks throughout (marks.ts); objects only for what is returned.
  const [kept, scanned, found, rest] = marksFor(g, 4) as [Marks, Marks, Marks, Marks];
  const { ids, degrees } = g;
  const count = found.value; // candidate → its links into this hop's frontier
  const byLinks = (a: number, b: number) => degrees[a]! - degrees[b]! || compareIds(ids[a]!, ids[b]!);
  const byId = (a: number, b: number) => compareIds(ids[a]!, ids[b]!);
  kept.add(start);
  const keptList = [start];
  let frontier = [start];
  let truncated = false;
  let visits = 0;
  const pairs: number[] = []; // [v, w, pair, …]: every link a scanned node showed, to find edges later
  for (let depth = 1; depth <= hops && frontier.length > 0 && !truncated; depth++) {
    found.clear(g.capacity);
    let next: number[] = [];
    frontier.sort(byLinks);
    for (let k = 0; k < frontier.length; k++) {
      const v = frontier[k]!;
      const links = degrees[v]!;
      if (k > 0 && visits + links > scanBudget) {
        truncated = true;
        break;
      }
      visits += links;
      scanned.add(v);
      g.forEachSlot(v, (w, p) => {
        pairs.push(v, w, p);
        if (kept.has(w)) return;
        if (found.has(w)) count[w]! += 1;
        else {
          found.add(w);
          count[w] = 1;
          next.push(w);
        }
      });
    }
    const room = limit - keptList.length;
    if (next.length > room) {
      next = mostTied(next, count, room, ids);
      truncated = true;
    }
    next.sort(byId);
    for (const w of next) {
      kept.add(w);
      keptList.push(w);
    }
    frontier = next;
  }
  return {
    nodes: keptList.map((v) => g.nodeAt(v)),
    edges: edgesAmong(g, keptList, kept, scanned, rest, pairs),
    truncated,
  };
}

/**
 * Every edge between two nodes of `kept`, each once, sorted. A pair with a scanned end was seen
 * during the search (`pairs`); pairs of unscanned nodes (the last hop, mostly) are found from
 * the rows of the unscanned nodes, each from its smaller index.
 */
function edgesAmong(
  g: Graph,
  keptList: number[],
  kept: Marks,
  scanned: Marks,
  rest: Marks,
  pairs: number[],
): GraphEdge[] {
  const found: number[] = [];
  const { pairHead, edgeNext } = g;
  const emit = (p: number) => {
    for (let x = pairHead[p]!; x >= 0; x = edgeNext[x]!) found.push(x);
  };
  for (let i = 0; i < pairs.length; i += 3) {
    const v = pairs[i]!;
    const w = pairs[i + 1]!;
    if (kept.has(w) && (!scanned.has(w) || v < w)) emit(pairs[i + 2]!);
  }
  const unscanned = keptList.filter((v) => !scanned.has(v));
  for (const v of unscanned) rest.add(v);
  for (const u of unscanned) {
    g.forEachSlot(u, (x, p) => {
      if (u < x && rest.has(x)) emit(p);
    });
  }
  // Sorted by source, target, type as compareEdges does, on ranks rather than strings: the
  // rank of each returned node by id (kept in the `rest` marks' values, all of them marked).
  const byId = keptList.slice().sort((a, b) => compareIds(g.ids[a]!, g.ids[b]!));
  rest.clear(g.capacity);
  const rank = rest.value;
  byId.forEach((v, i) => {
    rank[v] = i;
  });
  const { edgeSource, edgeTarget, edgeType, typeNames } = g;
  found.sort(
    (x, y) =>
      rank[edgeSource[x]!]! - rank[edgeSource[y]!]! ||
      rank[edgeTarget[x]!]! - rank[edgeTarget[y]!]! ||
      compareIds(typeNames[edgeType[x]!]!, typeNames[edgeType[y]!]!),
  );
  return found.map((x) => g.edgeAt(x));
}

/**
 * The `room` candidates most tied to the hop before (highest `count`, then smallest id), in no
 * particular order: the counts above the cut are taken whole, and among those at the cut only
 * the smallest ids are chosen, by selection rather than by sorting them all.
 */
function mostTied(candidates: number[], count: Int32Array, room: number, ids: string[]): number[] {
  let most = 0;
  for (const w of candidates) if (count[w]! > most) most = count[w]!;
  const perCount = new Int32Array(most + 2);
  for (const w of candidates) perCount[count[w]!]! += 1;
  let cut = most;
  let above = 0; // candidates with a count above `cut`
  while (above + perCount[cut]! < room) above += perCount[cut--]!;
  const chosen = candidates.filter((w) => count[w]! > cut);
  const atCut = candidates.filter((w) => count[w] === cut);
  selectSmallest(atCut, room - above, ids);
  for (let i = 0; i < room - above; i++) chosen.push(atCut[i]!);
  return chosen;
}

/** Moves the `k` smallest ids of `xs` to its front (quickselect, middle pivot; ids are unique). */
function selectSmallest(xs: number[], k: number, ids: string[]): void {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = ids[xs[(lo + hi) >>> 1]!]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ids[xs[i]!]! < pivot) i++;
      while (ids[xs[j]!]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
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
  const a = g.indexOf(from);
  const b = g.indexOf(to);
  if (a < 0 || b < 0) return null;
  if (a === b) return { nodes: [from], edges: [] };
  const [seenA, seenB] = marksFor(g, 2) as [Marks, Marks];
  const parentA = seenA.value;
  const parentB = seenB.value;
  seenA.add(a);
  parentA[a] = -1;
  seenB.add(b);
  parentB[b] = -1;
  let frontA = [a];
  let frontB = [b];
  let hopsA = 0;
  let hopsB = 0;
  let meet = -1;
  while (meet < 0 && frontA.length > 0 && frontB.length > 0 && hopsA + hopsB < maxHops) {
    const forward = frontA.length <= frontB.length;
    const seen = forward ? seenA : seenB;
    const parent = forward ? parentA : parentB;
    const other = forward ? seenB : seenA;
    const next: number[] = [];
    // A meeting found in this hop is as short as any other in it (the other side's nodes
    // met here all sit on its current frontier), so the first one is a shortest path.
    for (const v of forward ? frontA : frontB) {
      meet = g.findSlot(v, (w) => {
        if (seen.has(w)) return false;
        seen.add(w);
        parent[w] = v;
        next.push(w);
        return other.has(w);
      });
      if (meet >= 0) break;
    }
    if (forward) {
      frontA = next;
      hopsA++;
    } else {
      frontB = next;
      hopsB++;
    }
  }
  if (meet < 0) return null;
  const path: number[] = [];
  for (let v = meet; v >= 0; v = parentA[v]!) path.push(v);
  path.reverse();
  for (let v = parentB[meet]!; v >= 0; v = parentB[v]!) path.push(v);
  const edges = path.slice(1).map((v, i) => strongestEdge(g, path[i]!, v));
  return { nodes: path.map((v) => g.ids[v]!), edges };
}

function strongestEdge(g: Graph, a: number, b: number): GraphEdge {
  let best: GraphEdge | undefined;
  const k = g.slotOf(a, b);
  for (let x = g.pairHead[g.slotPair[k]!]!; x >= 0; x = g.edgeNext[x]!) {
    const e = g.edgeAt(x);
    if (!best || e.weight! > best.weight! || (e.weight === best.weight && compareEdges(e, best) < 0)) best = e;
  }
  return best!;
}
