/**
 * Communities inside a network: Louvain modularity optimisation (graphology-communities-louvain)
 * on the weighted projection of the network, with a seeded PRNG so that the same graph gives
 * the same communities on every run. Typical use: cells of a large scam-centre network.
 */
import louvainModule from 'graphology-communities-louvain';
import { compact, seededRandom, toGraphology } from './compact.ts';
import { compareIds, type Graph } from './graph.ts';

/**
 * The package declares `export default` but assigns `module.exports`: under Node's ESM loader
 * the default import is the function itself, under some bundlers `{ default: fn }`.
 */
const louvain =
  (louvainModule as { default?: typeof louvainModule.default }).default ??
  (louvainModule as unknown as typeof louvainModule.default);

export interface Community {
  /** 0 for the largest community, then by size, then by smallest member id. */
  id: number;
  /** Sorted. */
  nodeIds: string[];
}

export interface CommunitiesOptions {
  /** Louvain resolution: above 1 gives more, smaller communities (default 1). */
  resolution?: number;
  /** Seed of Louvain's random walk (default 1). */
  seed?: number;
}

export function communities(g: Graph, component: string[], opts: CommunitiesOptions = {}): Community[] {
  const p = toGraphology(compact(g, component));
  if (p.order === 0) return [];
  const groups = new Map<number, string[]>();
  const assign = (id: string, c: number) => {
    const group = groups.get(c);
    if (group) group.push(id);
    else groups.set(c, [id]);
  };
  if (p.size === 0) {
    p.forEachNode((id, _a) => assign(id, groups.size));
  } else {
    const found = louvain(p, {
      getEdgeWeight: 'weight',
      resolution: opts.resolution ?? 1,
      rng: seededRandom(opts.seed ?? 1),
    });
    p.forEachNode((id, _a) => assign(id, found[id]!));
  }
  // Members are already in id order (the projection adds nodes sorted).
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length || compareIds(a[0]!, b[0]!));
  return sorted.map((nodeIds, id) => ({ id, nodeIds }));
}
