/**
 * Networks: the connected components of the graph, largest first. A network is named by its
 * smallest node id, so its id stays the same however the rows were ordered, and stays the same
 * when the network grows unless a smaller id joins it.
 */
import { compareIds, type Graph } from './graph.ts';
import { type Marks, marksFor } from './marks.ts';

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
 * Connected components ranked by size (largest first), then by id. A union-find with path
 * halving over the graph's edge arrays (one pass over the nodes, one over the edges).
 */
export function networks(g: Graph, opts: NetworksOptions = {}): Network[] {
  const minSize = opts.minSize ?? 1;
  const top = opts.top ?? Number.POSITIVE_INFINITY;
  const n = g.capacity;
  const { ids, removed, edgeSource, edgeTarget, edgePair, nodeType, typeNames } = g;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let x = 0, m = g.edgeCount; x < m; x++) {
    if (edgePair[x]! < 0) continue; // merged or removed
    const a = find(edgeSource[x]!);
    const b = find(edgeTarget[x]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Per root: size and smallest id.
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  const smallest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    const r = find(i);
    root[i] = r;
    size[r]! += 1;
    const s = smallest[r]!;
    if (s < 0 || compareIds(ids[i]!, ids[s]!) < 0) smallest[r] = i;
  }
  const kept: number[] = [];
  for (let r = 0; r < n; r++) if (parent[r] === r && !removed[r] && size[r]! >= minSize) kept.push(r);
  kept.sort((a, b) => size[b]! - size[a]! || compareIds(ids[smallest[a]!]!, ids[smallest[b]!]!));
  const chosen = kept.slice(0, Number.isFinite(top) ? top : kept.length);
  const slot = new Int32Array(n).fill(-1);
  chosen.forEach((r, i) => {
    slot[r] = i;
  });
  const members: number[][] = chosen.map(() => []);
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    const at = slot[root[i]!]!;
    if (at >= 0) members[at]!.push(i);
  }
  return chosen.map((r, i) => {
    const list = members[i]!;
    const counts = new Map<number, number>();
    for (const v of list) counts.set(nodeType[v]!, (counts.get(nodeType[v]!) ?? 0) + 1);
    const countsByType: Record<string, number> = {};
    for (const [t, c] of counts) countsByType[typeNames[t]!] = c;
    const network: Network = { id: ids[smallest[r]!]!, size: size[r]!, countsByType };
    if (opts.nodeIds !== false) network.nodeIds = list.map((v) => ids[v]!).sort(compareIds);
    return network;
  });
}

/** The ids of the network that holds `id`, sorted; empty for an unknown id. */
export function networkOf(g: Graph, id: string): string[] {
  const start = g.indexOf(id);
  if (start < 0) return [];
  const [seen] = marksFor(g, 1) as [Marks];
  seen.add(start);
  const found = [start];
  for (let i = 0; i < found.length; i++) {
    g.forEachSlot(found[i]!, (w) => {
      if (seen.has(w)) return;
      seen.add(w);
      found.push(w);
    });
  }
  return found.map((v) => g.ids[v]!).sort(compareIds);
}
