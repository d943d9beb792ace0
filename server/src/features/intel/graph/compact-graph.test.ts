import { describe, expect, it } from 'vitest';
import { buildGraph, keyPlayers, neighbourhood, networkOf, networks, shortestPath } from './index.ts';
import {
  referenceGraph,
  referenceNeighbourhood,
  referenceNetworkOf,
  referenceShortestPath,
} from './reference.test-support.ts';
import { barbellRows, pathRows, type Rows, randomRows, starRows, twoComponentRows } from './test-graphs.ts';

/** Hub-heavy rows: a few centres and shared wallets, with repeated and reversed rows. */
function hubRows(): Rows {
  const rows = randomRows(400, 1200, 5);
  for (let i = 0; i < 400; i += 3)
    rows.edges.push({ source: `n${String(i).padStart(4, '0')}`, target: 'n0007', type: 'uses' });
  for (let i = 1; i < 400; i += 5)
    rows.edges.push({ source: 'n0011', target: `n${String(i).padStart(4, '0')}`, type: 'pays', weight: 2 });
  rows.edges.push(...rows.edges.slice(0, 100).map((e) => ({ ...e, source: e.target, target: e.source })));
  rows.edges.push(...rows.edges.slice(50, 120));
  return rows;
}

const cases: Array<[string, Rows]> = [
  ['path', pathRows()],
  ['star', starRows(12)],
  ['barbell', barbellRows()],
  ['two components', twoComponentRows()],
  ['random', randomRows(300, 1000, 17)],
  ['hubs', hubRows()],
];

describe('the compact graph against the graphology implementation it replaced', () => {
  it.each(cases)('gives the same k-hop neighbourhoods (%s), whatever the limit and budget', (_name, rows) => {
    const g = buildGraph(rows.nodes, rows.edges);
    const ref = referenceGraph(rows.nodes, rows.edges);
    expect(g.order).toBe(ref.order);
    expect(g.size).toBe(ref.size);
    expect(g.getAttributes()).toEqual(ref.getAttributes());
    for (const id of ref.nodes()) expect(g.degree(id)).toBe(ref.degree(id));
    const starts = ref.nodes().filter((_id, i) => i % 7 === 0);
    for (const [hops, limit, budget] of [
      [1, 500, 10_000],
      [2, 500, 10_000],
      [3, 500, 10_000],
      [3, 40, 10_000],
      [3, 120, 30],
      [4, 7, 5],
    ] as const) {
      for (const id of starts) {
        expect(neighbourhood(g, id, hops, limit, budget)).toEqual(referenceNeighbourhood(ref, id, hops, limit, budget));
      }
    }
  });

  it.each(cases)('gives the same shortest paths and networks (%s)', (_name, rows) => {
    const g = buildGraph(rows.nodes, rows.edges);
    const ref = referenceGraph(rows.nodes, rows.edges);
    const ids = ref.nodes();
    for (let i = 0; i < ids.length; i += 5) {
      const a = ids[i]!;
      const b = ids[(i * 31 + 3) % ids.length]!;
      expect(shortestPath(g, a, b)).toEqual(referenceShortestPath(ref, a, b));
      expect(shortestPath(g, a, b, 2)).toEqual(referenceShortestPath(ref, a, b, 2));
      expect(networkOf(g, a)).toEqual(referenceNetworkOf(ref, a));
    }
  });
});

describe('incremental updates of the compact graph', () => {
  const split = (rows: Rows, at: number) => ({
    first: { nodes: rows.nodes.slice(0, Math.floor(rows.nodes.length * at)), edges: [] as Rows['edges'] },
    rows,
  });

  it('after adding nodes and edges one by one, answers as a graph built from all the rows', () => {
    const rows = hubRows();
    const cut = Math.floor(rows.edges.length * 0.7);
    const { first } = split(rows, 0.8);
    first.edges = rows.edges.slice(0, cut);
    const g = buildGraph(first.nodes, first.edges);
    for (const n of rows.nodes.slice(first.nodes.length)) g.addNode(n);
    // Rows of the first part that were dropped (an endpoint missing then) come again, as a
    // write event would bring them, with the rest.
    const present = new Set(first.nodes.map((n) => n.id));
    for (const e of first.edges) if (!present.has(e.source) || !present.has(e.target)) g.addEdge(e);
    for (const e of rows.edges.slice(cut)) g.addEdge(e);
    const full = buildGraph(rows.nodes, rows.edges);
    expect(g.order).toBe(full.order);
    expect(g.size).toBe(full.size);
    expect(g.mapEdges((_k, a, s, t) => `${s} ${t} ${a.type} ${a.weight}`).sort()).toEqual(
      full.mapEdges((_k, a, s, t) => `${s} ${t} ${a.type} ${a.weight}`).sort(),
    );
    for (const id of rows.nodes.filter((_n, i) => i % 9 === 0).map((n) => n.id)) {
      expect(neighbourhood(g, id, 3, 80)).toEqual(neighbourhood(full, id, 3, 80));
      expect(networkOf(g, id)).toEqual(networkOf(full, id));
    }
    expect(networks(g)).toEqual(networks(full));
    expect(keyPlayers(g, undefined, { top: 30, betweennessSamples: 50 })).toEqual(
      keyPlayers(full, undefined, { top: 30, betweennessSamples: 50 }),
    );
  });

  it('after removing edges and nodes, answers as a graph built without them', () => {
    const rows = hubRows();
    const g = buildGraph(rows.nodes, rows.edges);
    const gone = new Set(['n0007', 'n0100', 'n0222']);
    for (const id of gone) expect(g.removeNode(id)).toBe(true);
    expect(g.removeNode('n0007')).toBe(false);
    // Take one row's weight off a merged edge, and a whole edge.
    const repeated = rows.edges[60]!;
    expect(g.removeEdge({ ...repeated, weight: repeated.weight ?? 1 })).toBe(
      !(gone.has(repeated.source) || gone.has(repeated.target)),
    );
    const keptRows = { nodes: rows.nodes.filter((n) => !gone.has(n.id)), edges: [...rows.edges] };
    keptRows.edges.splice(60, 1);
    const full = buildGraph(keptRows.nodes, keptRows.edges);
    expect(g.order).toBe(full.order);
    expect(g.size).toBe(full.size);
    expect(g.nodes()).toEqual(full.nodes());
    const key = (x: typeof g) => x.mapEdges((_k, a, s, t) => `${s} ${t} ${a.type} ${a.weight}`).sort();
    expect(key(g)).toEqual(key(full));
    for (const id of keptRows.nodes.filter((_n, i) => i % 9 === 0).map((n) => n.id)) {
      expect(neighbourhood(g, id, 3, 80)).toEqual(neighbourhood(full, id, 3, 80));
    }
    expect(networks(g)).toEqual(networks(full));
    expect(neighbourhood(g, 'n0007', 2)).toEqual({ nodes: [], edges: [], truncated: false });
    // A removed node can come back.
    expect(g.addNode({ id: 'n0007', type: 'selector' })).toBe(true);
    expect(g.addEdge({ source: 'n0001', target: 'n0007', type: 'uses' })).toBe('added');
    expect(neighbourhood(g, 'n0007', 1).nodes.map((n) => n.id)).toEqual(['n0007', 'n0001']);
  });

  it('applies buildGraph’s rules to added rows: merges, drops and self-loops counted', () => {
    const g = buildGraph(pathRows().nodes, pathRows().edges);
    expect(g.addEdge({ source: 'a', target: 'b', type: 'knows', weight: 2 })).toBe('merged');
    expect(g.addEdge({ source: 'b', target: 'a', type: 'knows' })).toBe('added');
    expect(g.addEdge({ source: 'a', target: 'hidden', type: 'knows' })).toBe('dropped');
    expect(g.addEdge({ source: 'c', target: 'c', type: 'knows' })).toBe('self-loop');
    expect(g.addNode({ id: 'a', type: 'selector' })).toBe(false);
    expect(g.getAttributes()).toEqual({ droppedEdges: 1, selfLoops: 1, mergedEdges: 1 });
    expect(g.edges('a', 'b').map((k) => g.getEdgeAttributes(k))).toEqual([
      { type: 'knows', weight: 3 },
      { type: 'knows', weight: 1 },
    ]);
    expect(() => g.addEdge({ source: 'a', target: 'b', type: 'knows', weight: 0 })).toThrow(RangeError);
  });
});
