/**
 * Key players: who holds a network together.
 *
 * - degree: distinct entities linked to (within the set analysed). Cheap and explainable.
 * - PageRank (weighted by link weight, damping 0.85, graphology-metrics' formulation, checked
 *   against it in the tests): well connected to well-connected entities; finds the boss behind
 *   the recruiters, the wallet behind the mules. Always computed: O(iterations · links). It runs
 *   on the compact view rather than through graphology-metrics because copying a large network
 *   into a new graphology graph costs more than the whole computation (see README.md).
 * - betweenness, only on request: the share of shortest paths between other entities that pass
 *   through this one; finds brokers and bridges between cells. Exact betweenness (Brandes) costs
 *   a breadth-first search from every node, O(n · m): about an hour at 100,000 nodes on 2 cores.
 *   So it is *sampled*: Brandes from k pivots drawn with a seeded PRNG, scaled by n / k
 *   (Brandes & Pich 2007). Exact when k ≥ n. Each result says which it got (`betweennessMethod`,
 *   `betweennessPivots`). Paths count links, not weights (a weight is a strength, not a distance).
 *   Normalised to [0, 1]: the fraction of pairs of other nodes whose shortest paths it lies on.
 */
import { type Compact, compact, seededRandom } from './compact.ts';
import { compareIds, type Graph } from './graph.ts';

export interface KeyPlayer {
  id: string;
  degree: number;
  pagerank: number;
  /** Present only when betweenness was asked for (`betweennessSamples` > 0). */
  betweenness?: number;
  betweennessMethod?: 'sampled' | 'exact';
  /** Source nodes the betweenness was computed from; the set's size when exact. */
  betweennessPivots?: number;
}

export interface KeyPlayersOptions {
  /** How many to return (default 20). */
  top?: number;
  /** Pivots for the sampled betweenness; 0 or absent: no betweenness. */
  betweennessSamples?: number;
  /** Order of the result (default `pagerank`; `betweenness` needs `betweennessSamples`). */
  rankBy?: 'pagerank' | 'degree' | 'betweenness';
  /** Seed of the pivot choice (default 1). */
  seed?: number;
}

/** The top entities of `component` (default: the whole graph), ranked by `rankBy`, then by id. */
export function keyPlayers(g: Graph, component?: string[], opts: KeyPlayersOptions = {}): KeyPlayer[] {
  const top = opts.top ?? 20;
  const samples = opts.betweennessSamples ?? 0;
  const rankBy = opts.rankBy ?? 'pagerank';
  if (rankBy === 'betweenness' && !(samples > 0)) throw new RangeError('rankBy betweenness needs betweennessSamples');
  const c = compact(g, component);
  const n = c.ids.length;
  if (n === 0) return [];
  const ranks = pagerank(c);
  const between = samples > 0 ? sampledBetweenness(c, samples, opts.seed ?? 1) : null;
  const players: KeyPlayer[] = c.ids.map((id, i) => {
    const player: KeyPlayer = { id, degree: c.starts[i + 1]! - c.starts[i]!, pagerank: ranks[i]! };
    if (between) {
      player.betweenness = between.values[i]!;
      player.betweennessMethod = between.exact ? 'exact' : 'sampled';
      player.betweennessPivots = between.pivots;
    }
    return player;
  });
  const key = (k: KeyPlayer) =>
    rankBy === 'degree' ? k.degree : rankBy === 'betweenness' ? k.betweenness! : k.pagerank;
  players.sort((a, b) => key(b) - key(a) || b.pagerank - a.pagerank || compareIds(a.id, b.id));
  return players.slice(0, top);
}

/**
 * PageRank by power iteration, as graphology-metrics computes it: a link passes rank in
 * proportion to its weight, rank of isolated nodes is spread over all, stop when the L1 change
 * is below n · tolerance (or after `maxIterations`). Sums to 1 over the set.
 */
export function pagerank(c: Compact, alpha = 0.85, tolerance = 1e-6, maxIterations = 1000): Float64Array {
  const { starts, adj, weights } = c;
  const n = c.ids.length;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = starts[i]!; k < starts[i + 1]!; k++) strength[i]! += weights[k]!;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += x[i]!;
    const base = (alpha * dangling + 1 - alpha) / n;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const share = strength[i]! > 0 ? (alpha * x[i]!) / strength[i]! : 0;
      for (let k = starts[i]!; k < starts[i + 1]!; k++) next[adj[k]!]! += share * weights[k]!;
      next[i]! += base;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - x[i]!);
    [x, next] = [next, x];
    if (change < n * tolerance) break;
  }
  return x;
}

export interface Betweenness {
  /** By node index of the compact view. */
  values: Float64Array;
  pivots: number;
  exact: boolean;
}

/**
 * Brandes' accumulation from `samples` pivots (all nodes when `samples` ≥ n), on the compact
 * view: typed arrays, nothing allocated per pivot, floating-point path counts (no overflow on
 * hub-heavy graphs). Predecessors are found again from the distances rather than kept in lists.
 */
export function sampledBetweenness(c: Compact, samples: number, seed = 1): Betweenness {
  const { adj, starts } = c;
  const n = c.ids.length;
  const exact = samples >= n;
  const pivots = exact ? n : Math.max(1, Math.floor(samples));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!exact) {
    const random = seededRandom(seed); // partial Fisher–Yates: the first `pivots` entries
    for (let i = 0; i < pivots; i++) {
      const j = i + Math.floor(random() * (n - i));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }
  const sources = order.slice(0, pivots);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const visit = new Uint32Array(n); // the BFS queue, read backwards as the stack
  const centrality = new Float64Array(n);
  for (const s of sources) {
    let head = 0;
    let tail = 0;
    visit[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = visit[head++]!;
      const dv = dist[v]! + 1;
      for (let j = starts[v]!, end = starts[v + 1]!; j < end; j++) {
        const w = adj[j]!;
        if (dist[w]! < 0) {
          dist[w] = dv;
          visit[tail++] = w;
        }
        if (dist[w] === dv) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = visit[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const dw = dist[w]! - 1;
      for (let j = starts[w]!, end = starts[w + 1]!; j < end; j++) {
        const v = adj[j]!;
        if (dist[v] === dw) delta[v]! += sigma[v]! * coefficient;
      }
      centrality[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = visit[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Sum over all sources ≈ (n / pivots) × sum over the pivots; each unordered pair is counted
  // from both ends, and there are (n − 1)(n − 2) / 2 pairs not including the node itself.
  const scale = n <= 2 ? 0 : n / pivots / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centrality[i]! *= scale;
  return { values: centrality, pivots, exact };
}
