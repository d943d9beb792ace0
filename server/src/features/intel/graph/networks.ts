/**
 * Networks: the connected components of the graph, largest first. A network is named by its
 * smallest node id, so its id stays the same however the rows were ordered, and stays the same
 * when the network grows unless a smaller id joins it.
 */
import { compareIds, type Graph } from './graph.ts';

export interface Network {
  /** The smallest node id in the network (code-unit order). */
  id: string;
  size: number;
  /** The member ids, sorted; left out with `{ nodeIds: false }`. */
  nodeIds?: string[];
  countsByType: Record<string, number>;
}

export interface NetworksOptions {
  /** Leave out networks with fewer nodes (default 1: every entity, isolated ones included). */
  minSize?: number;
  /** Return only the first `top` networks (default: all). */
  top?: number;
  /** Include the member ids (default true). */
  nodeIds?: boolean;
}

/**
 * Connected components ranked by size (largest first), then by id. A union-find over the edge
 * list in typed arrays (one pass over the nodes, one over the edges): at 1,000,000 entities it
 * is several times faster than a breadth-first walk through graphology's adjacency.
 */
export function networks(g: Graph, opts: NetworksOptions = {}): Network[] {
  const minSize = opts.minSize ?? 1;
  const top = opts.top ?? Number.POSITIVE_INFINITY;
  const n = g.order;
  const nodes = new Array<string>(n);
  const index = new Map<string, number>();
  let k = 0;
  g.forEachNode((id) => {
    index.set(id, k);
    nodes[k++] = id;
  });
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  g.forEachEdge((_e, _a, source, target) => {
    const a = find(index.get(source)!);
    const b = find(index.get(target)!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  // Per root: size and smallest id.
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  const smallest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    root[i] = r;
    size[r]! += 1;
    const s = smallest[r]!;
    if (s < 0 || compareIds(nodes[i]!, nodes[s]!) < 0) smallest[r] = i;
  }
  const kept: number[] = [];
  for (let r = 0; r < n; r++) if (parent[r] === r && size[r]! >= minSize) kept.push(r);
  kept.sort((a, b) => size[b]! - size[a]! || compareIds(nodes[smallest[a]!]!, nodes[smallest[b]!]!));
  const chosen = kept.slice(0, Number.isFinite(top) ? top : kept.length);
  const slot = new Map<number, number>(chosen.map((r, i) => [r, i]));
  const members: string[][] = chosen.map(() => []);
  for (let i = 0; i < n; i++) {
    const at = slot.get(root[i]!);
    if (at !== undefined) members[at]!.push(nodes[i]!);
  }
  return chosen.map((r, i) => {
    const list = members[i]!;
    const countsByType: Record<string, number> = {};
    for (const m of list) {
      const type = g.getNodeAttribute(m, 'type');
      countsByType[type] = (countsByType[type] ?? 0) + 1;
    }
    const network: Network = { id: nodes[smallest[r]!]!, size: size[r]!, countsByType };
    if (opts.nodeIds !== false) network.nodeIds = list.sort(compareIds);
    return network;
  });
}

/** The ids of the network that holds `id`, sorted; empty for an unknown id. */
export function networkOf(g: Graph, id: string): string[] {
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
