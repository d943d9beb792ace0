/**
 * Networks: the connected components of the graph, largest first. A network is named by its
 * smallest node id, so its id stays the same however the rows were ordered, and stays the same
 * when the network grows unless a smaller id joins it.
 */
import { forEachConnectedComponent } from 'graphology-components';
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

/** Connected components ranked by size (largest first), then by id. */
export function networks(g: Graph, opts: NetworksOptions = {}): Network[] {
  const minSize = opts.minSize ?? 1;
  const top = opts.top ?? Number.POSITIVE_INFINITY;
  const found: Array<{ id: string; members: string[] }> = [];
  forEachConnectedComponent(g, (members) => {
    if (members.length < minSize) return;
    let id = members[0]!;
    for (const m of members) if (m < id) id = m;
    found.push({ id, members });
  });
  found.sort((a, b) => b.members.length - a.members.length || compareIds(a.id, b.id));
  return found.slice(0, top).map(({ id, members }) => {
    const countsByType: Record<string, number> = {};
    for (const m of members) {
      const type = g.getNodeAttribute(m, 'type');
      countsByType[type] = (countsByType[type] ?? 0) + 1;
    }
    const network: Network = { id, size: members.length, countsByType };
    if (opts.nodeIds !== false) network.nodeIds = members.sort(compareIds);
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
