import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  communities,
  compact,
  type Graph,
  keyPlayers,
  networkOf,
  networks,
  toGraphology,
} from './index.ts';
import { barbellRows, pathRows, type Rows, randomRows, starRows, twoComponentRows } from './test-graphs.ts';

const build = (rows: Rows): Graph => buildGraph(rows.nodes, rows.edges);
const exactBetweenness = ((betweennessModule as { default?: unknown }).default ??
  betweennessModule) as unknown as typeof betweennessModule.default;
const graphologyPagerank = ((pagerankModule as { default?: unknown }).default ??
  pagerankModule) as unknown as typeof pagerankModule.default;

/** Random rows with weights, repeated rows and links both ways, to exercise the merging. */
function weightedRows(): Rows {
  const rows = randomRows(200, 700, 13);
  rows.edges = rows.edges.map((e, i) => ({ ...e, weight: 1 + (i % 4) }));
  rows.edges.push(...rows.edges.slice(0, 50).map((e) => ({ ...e, source: e.target, target: e.source })));
  return rows;
}

describe('compact view', () => {
  it('merges parallel and opposite links into one weighted link, induced on the set, ids sorted', () => {
    const rows = barbellRows();
    rows.edges.push(
      { source: 'b1', target: 'a5', type: 'pays', weight: 2 },
      { source: 'a5', target: 'b1', type: 'pays', weight: 0.5 },
    );
    const c = compact(buildGraph([...rows.nodes].reverse(), rows.edges), ['b1', 'a5', 'a4', 'nobody', 'a5']);
    expect(c.ids).toEqual(['a4', 'a5', 'b1']);
    expect([...c.starts]).toEqual([0, 1, 3, 4]);
    expect([...c.adj]).toEqual([1, 0, 2, 1]);
    expect([...c.weights]).toEqual([1, 1, 3.5, 3.5]);
  });
});

describe('networks', () => {
  it('ranks connected components by size, names each by its smallest id and counts types', () => {
    const g = build(twoComponentRows());
    expect(networks(g)).toEqual([
      { id: 'a', size: 3, nodeIds: ['a', 'b', 'c'], countsByType: { person: 2, organisation: 1 } },
      { id: 'x', size: 2, nodeIds: ['x', 'y'], countsByType: { person: 2 } },
      { id: 'z', size: 1, nodeIds: ['z'], countsByType: { person: 1 } },
    ]);
  });

  it('filters by minSize, cuts at top and can leave the member ids out', () => {
    const g = build(twoComponentRows());
    expect(networks(g, { minSize: 2 }).map((n) => n.id)).toEqual(['a', 'x']);
    expect(networks(g, { top: 1, nodeIds: false })).toEqual([
      { id: 'a', size: 3, countsByType: { person: 2, organisation: 1 } },
    ]);
    expect(networks(buildGraph([], []))).toEqual([]);
  });

  it('breaks ties in size by id, whatever the order of the rows', () => {
    const rows = twoComponentRows();
    rows.edges.push({ source: 'z', target: 'q', type: 'uses' });
    rows.nodes.unshift({ id: 'q', type: 'selector' });
    const reversed = { nodes: [...rows.nodes].reverse(), edges: [...rows.edges].reverse() };
    const expected = [
      { id: 'a', size: 3 },
      { id: 'q', size: 2 },
      { id: 'x', size: 2 },
    ];
    expect(networks(build(rows)).map(({ id, size }) => ({ id, size }))).toEqual(expected);
    expect(networks(build(reversed)).map(({ id, size }) => ({ id, size }))).toEqual(expected);
  });

  it('gives the network of one entity', () => {
    const g = build(twoComponentRows());
    expect(networkOf(g, 'c')).toEqual(['a', 'b', 'c']);
    expect(networkOf(g, 'z')).toEqual(['z']);
    expect(networkOf(g, 'nobody')).toEqual([]);
  });
});

describe('keyPlayers', () => {
  it('puts the hub of a star first by PageRank and by degree, without betweenness unless asked', () => {
    const g = build(starRows(5));
    const top = keyPlayers(g, undefined, { top: 3 });
    expect(top.map((k) => k.id)).toEqual(['hub', 'w01', 'w02']);
    expect(top[0]).toEqual({ id: 'hub', degree: 5, pagerank: expect.any(Number) });
    expect(top[0]!.pagerank).toBeGreaterThan(top[1]!.pagerank);
    const total = keyPlayers(g, undefined, { top: 100 }).reduce((sum, k) => sum + k.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('counts distinct neighbours as degree and restricts itself to the given component', () => {
    const rows = twoComponentRows();
    rows.edges.push({ source: 'a', target: 'b', type: 'pays' }, { source: 'b', target: 'a', type: 'knows' });
    const g = build(rows);
    const ranked = keyPlayers(g, ['x', 'y']);
    expect(ranked.map((k) => [k.id, k.degree])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
    expect(keyPlayers(g, ['a', 'b', 'c']).find((k) => k.id === 'a')?.degree).toBe(2);
    expect(keyPlayers(g, ['z'])).toEqual([{ id: 'z', degree: 0, pagerank: 1 }]);
    expect(keyPlayers(g, [])).toEqual([]);
  });

  it('computes PageRank as graphology-metrics does, with weights, on a multigraph', () => {
    const g = build(weightedRows());
    const theirs = graphologyPagerank(toGraphology(compact(g)), { getEdgeWeight: 'weight' });
    const mine = keyPlayers(g, undefined, { top: 1000 });
    expect(mine).toHaveLength(200);
    for (const k of mine) expect(k.pagerank).toBeCloseTo(theirs[k.id]!, 6);
  });

  it('gives exactly the same result whatever order the rows came in', () => {
    const rows = weightedRows();
    const reversed = { nodes: [...rows.nodes].reverse(), edges: [...rows.edges].reverse() };
    const opts = { top: 50, betweennessSamples: 40 };
    expect(keyPlayers(build(reversed), undefined, opts)).toEqual(keyPlayers(build(rows), undefined, opts));
  });

  it('computes exact betweenness when the pivots cover every node, as graphology does', () => {
    const path = keyPlayers(build(pathRows()), undefined, { betweennessSamples: 10, rankBy: 'betweenness' });
    // c lies between a|b and d|e: 4 of the 6 pairs of other nodes; b on a–c, a–d, a–e: 3 of 6.
    expect(path.map((k) => [k.id, k.betweenness])).toEqual([
      ['c', 4 / 6],
      ['b', 3 / 6],
      ['d', 3 / 6],
      ['a', 0],
      ['e', 0],
    ]);
    expect(path[0]).toMatchObject({ betweennessMethod: 'exact', betweennessPivots: 5 });

    const g = build(randomRows(120, 260, 5));
    const mine = keyPlayers(g, undefined, { top: 120, betweennessSamples: 1000 });
    const theirs = exactBetweenness(toGraphology(compact(g)), { getEdgeWeight: null });
    for (const k of mine) expect(k.betweenness).toBeCloseTo(theirs[k.id]!, 10);
  });

  it('ranks the bridge of a barbell first with sampled betweenness, and says it was sampled', () => {
    const g = build(barbellRows());
    for (const seed of [1, 2, 3]) {
      const top = keyPlayers(g, undefined, { top: 2, betweennessSamples: 3, rankBy: 'betweenness', seed });
      expect(top.map((k) => k.id).sort()).toEqual(['a5', 'b1']);
      expect(top[0]).toMatchObject({ betweennessMethod: 'sampled', betweennessPivots: 3 });
    }
    // Exact: a5 joins a1…a4 to b1…b5, 20 of the 36 pairs of other nodes.
    const exact = keyPlayers(g, undefined, { top: 2, betweennessSamples: 10, rankBy: 'betweenness' });
    expect(exact[0]).toMatchObject({ id: 'a5', betweenness: 20 / 36, betweennessMethod: 'exact' });
  });

  it('gives the same result on every run, and a sampled estimate near the exact value', () => {
    const rows = randomRows(600, 1500, 9);
    const run = () => keyPlayers(build(rows), undefined, { top: 10, betweennessSamples: 150 });
    const first = run();
    expect(run()).toEqual(first);
    const exact = keyPlayers(build(rows), undefined, { top: 600, betweennessSamples: 600 });
    const leader = exact.reduce((a, b) => (b.betweenness! > a.betweenness! ? b : a));
    const estimate = keyPlayers(build(rows), undefined, { top: 600, betweennessSamples: 150 });
    expect(estimate.find((k) => k.id === leader.id)!.betweenness).toBeCloseTo(leader.betweenness!, 1);
  });

  it('refuses to rank by betweenness without pivots', () => {
    expect(() => keyPlayers(build(pathRows()), undefined, { rankBy: 'betweenness' })).toThrow(RangeError);
  });
});

describe('communities', () => {
  it('splits a barbell into its two cliques', () => {
    const g = build(barbellRows());
    expect(communities(g, g.nodes())).toEqual([
      { id: 0, nodeIds: ['a1', 'a2', 'a3', 'a4', 'a5'] },
      { id: 1, nodeIds: ['b1', 'b2', 'b3', 'b4', 'b5'] },
    ]);
  });

  it('is deterministic across runs and row orders, and covers every node of the component once', () => {
    const rows = randomRows(500, 1200, 21);
    const g = build(rows);
    const component = networks(g, { top: 1 })[0]!.nodeIds!;
    const first = communities(g, component);
    expect(first.length).toBeGreaterThan(3);
    expect(communities(build(rows), component)).toEqual(first);
    const reversed = { nodes: [...rows.nodes].reverse(), edges: [...rows.edges].reverse() };
    expect(communities(build(reversed), [...component].reverse())).toEqual(first);
    expect(first.flatMap((c) => c.nodeIds).sort()).toEqual(component);
    const sizes = first.map((c) => c.nodeIds.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('puts isolated nodes in communities of their own and ignores unknown ids', () => {
    const g = build(twoComponentRows());
    expect(communities(g, ['z', 'nobody', 'x'])).toEqual([
      { id: 0, nodeIds: ['x'] },
      { id: 1, nodeIds: ['z'] },
    ]);
    expect(communities(g, [])).toEqual([]);
  });
});
