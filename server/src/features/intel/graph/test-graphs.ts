/** Small hand-built graphs with known answers, for the tests. */
import type { GraphEdge, GraphNode } from './graph.ts';

export interface Rows {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const person = (id: string): GraphNode => ({ id, type: 'person' });
const link = (source: string, target: string, type = 'works-at', weight?: number): GraphEdge =>
  weight === undefined ? { source, target, type } : { source, target, type, weight };

/** a – b – c – d – e */
export function pathRows(): Rows {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  return { nodes: ids.map(person), edges: ids.slice(1).map((id, i) => link(ids[i]!, id, 'knows')) };
}

/** A scam centre `hub` with `leaves` workers w01…; each worker also holds a phone p01…. */
export function starRows(leaves = 5): Rows {
  const nodes: GraphNode[] = [{ id: 'hub', type: 'scam-centre', label: 'Compound' }];
  const edges: GraphEdge[] = [];
  for (let i = 1; i <= leaves; i++) {
    const w = `w${String(i).padStart(2, '0')}`;
    nodes.push(person(w), { id: `p${w.slice(1)}`, type: 'selector' });
    edges.push(link(w, 'hub'), link(w, `p${w.slice(1)}`, 'holds-selector'));
  }
  return { nodes, edges };
}

/** {a, b, c} (a triangle with an organisation) and {x, y}, and an isolated z. */
export function twoComponentRows(): Rows {
  return {
    nodes: [person('a'), person('b'), { id: 'c', type: 'organisation' }, person('x'), person('y'), person('z')],
    edges: [link('a', 'b', 'knows'), link('b', 'c', 'member-of'), link('c', 'a', 'member-of'), link('y', 'x', 'pays')],
  };
}

/** Two 5-cliques a1…a5 and b1…b5 joined by one bridge a5 – b1. */
export function barbellRows(): Rows {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const side of ['a', 'b']) {
    for (let i = 1; i <= 5; i++) {
      nodes.push(person(`${side}${i}`));
      for (let j = 1; j < i; j++) edges.push(link(`${side}${j}`, `${side}${i}`, 'knows'));
    }
  }
  edges.push(link('a5', 'b1', 'recruits-for'));
  return { nodes, edges };
}

/** A deterministic random graph of `n` nodes and about `m` edges (some parallel, some repeated). */
export function randomRows(n: number, m: number, seed: number): Rows {
  let s = seed >>> 0;
  const next = (k: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % k;
  };
  const id = (i: number) => `n${String(i).padStart(4, '0')}`;
  const types = ['person', 'selector', 'organisation'];
  const nodes = Array.from({ length: n }, (_, i) => ({ id: id(i), type: types[i % 3]! }));
  const edges: GraphEdge[] = [];
  for (let k = 0; k < m; k++) {
    const a = next(n);
    const b = next(n);
    if (a !== b) edges.push(link(id(a), id(b), next(3) === 0 ? 'pays' : 'uses'));
  }
  return { nodes, edges };
}

/** Hop distances from `from` by plain breadth-first search over the rows, to check against. */
export function bfsDistances(rows: Rows, from: string): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const e of rows.edges) {
    if (e.source === e.target) continue;
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
    adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
  }
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of adj.get(v) ?? []) {
      if (!dist.has(w)) {
        dist.set(w, dist.get(v)! + 1);
        queue.push(w);
      }
    }
  }
  return dist;
}
