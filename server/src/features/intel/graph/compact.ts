/**
 * What the centrality and community measures run on: a compact, simple, weighted view of a set
 * of nodes (compressed sparse rows in typed arrays).
 * - Simple: parallel and opposite edges between two entities become one link whose weight is
 *   the sum of theirs (path counts in Brandes and Louvain's modularity need a simple graph).
 * - Induced: only links between nodes of the set.
 * - Ordered: nodes by id, each row's neighbours by index, so every result built on it is the
 *   same whatever order the rows came in.
 * Building it walks the graph's rows once (no object per edge), which is what a network of
 * 100,000 entities needs.
 */
import { UndirectedGraph } from 'graphology';
import { mulberry32 } from '../../../platform/prng.ts';
import { compareIds, type Graph } from './graph.ts';
import { type Marks, marksFor } from './marks.ts';

export interface Compact {
  /** Node ids, sorted; a node's index is its position here. */
  ids: string[];
  /** Row i holds `adj[starts[i]] … adj[starts[i + 1] − 1]`, ascending. */
  starts: Uint32Array;
  adj: Uint32Array;
  weights: Float64Array;
}

/** The compact view of `ids` (unknown ids ignored, duplicates once), or of the whole graph. */
export function compact(g: Graph, ids?: Iterable<string>): Compact {
  const nodes = ids === undefined ? g.nodes() : [...new Set(ids)].filter((id) => g.hasNode(id));
  nodes.sort(compareIds);
  const n = nodes.length;
  // Graph index → compact index, for the members of the set only.
  const [member] = marksFor(g, 1) as [Marks];
  const local = member.value;
  const at = new Int32Array(n);
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const v = g.indexOf(nodes[i]!);
    at[i] = v;
    member.add(v);
    local[v] = i;
    bound += g.rowEnd[v]! - g.rowStart[v]! + (g.more[v]?.length ?? 0);
  }
  const starts = new Uint32Array(n + 1);
  const adj = new Uint32Array(bound);
  const weights = new Float64Array(bound);
  const { pairHead, edgeNext, edgeWeight } = g;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = m;
    starts[i] = m;
    // One slot per neighbour: the pair's edges (parallel and opposite) merge into one link.
    g.forEachSlot(at[i]!, (w, p) => {
      if (!member.has(w)) return;
      let weight = 0;
      for (let x = pairHead[p]!; x >= 0; x = edgeNext[x]!) weight += edgeWeight[x]!;
      adj[m] = local[w]!;
      weights[m++] = weight;
    });
    sortRow(adj, weights, rowStart, m);
  }
  starts[n] = m;
  return { ids: nodes, starts, adj: adj.slice(0, m), weights: weights.slice(0, m) };
}

/** Sorts one row by neighbour index, carrying the weights along (rows are short: insertion sort, else by pairs). */
function sortRow(adj: Uint32Array, weights: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => adj[x]! - adj[y]!);
    const a = order.map((k) => adj[k]!);
    const w = order.map((k) => weights[k]!);
    adj.set(a, from);
    weights.set(w, from);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const a = adj[k]!;
    const w = weights[k]!;
    let j = k - 1;
    for (; j >= from && adj[j]! > a; j--) {
      adj[j + 1] = adj[j]!;
      weights[j + 1] = weights[j]!;
    }
    adj[j + 1] = a;
    weights[j + 1] = w;
  }
}

export type Projection = UndirectedGraph<Record<string, never>, { weight: number }>;

/** The compact view as a simple graphology graph (for Louvain, and for checking against graphology-metrics). */
export function toGraphology(c: Compact): Projection {
  const p: Projection = new UndirectedGraph();
  for (const id of c.ids) p.addNode(id);
  for (let i = 0; i < c.ids.length; i++) {
    for (let k = c.starts[i]!; k < c.starts[i + 1]!; k++) {
      const j = c.adj[k]!;
      if (j > i) p.addEdge(c.ids[i]!, c.ids[j]!, { weight: c.weights[k]! });
    }
  }
  return p;
}

/** The shared seeded PRNG (platform/prng.ts), by the name this module's callers use. */
export const seededRandom = mulberry32;
