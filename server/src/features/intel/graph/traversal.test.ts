import { describe, expect, it } from 'vitest';
import { buildGraph, type Graph, neighbourhood, shortestPath } from './index.ts';
import {
  barbellRows,
  bfsDistances,
  pathRows,
  type Rows,
  randomRows,
  starRows,
  twoComponentRows,
} from './test-graphs.ts';

const build = (rows: Rows): Graph => buildGraph(rows.nodes, rows.edges);
const ids = (r: { nodes: Array<{ id: string }> }) => r.nodes.map((n) => n.id);

describe('neighbourhood', () => {
  it('walks k hops along a path, start first, with the edges between the returned nodes', () => {
    const g = build(pathRows());
    expect(neighbourhood(g, 'c', 0)).toEqual({ nodes: [{ id: 'c', type: 'person' }], edges: [], truncated: false });
    const one = neighbourhood(g, 'c', 1);
    expect(ids(one)).toEqual(['c', 'b', 'd']);
    expect(one.edges).toEqual([
      { source: 'b', target: 'c', type: 'knows', weight: 1 },
      { source: 'c', target: 'd', type: 'knows', weight: 1 },
    ]);
    expect(one.truncated).toBe(false);
    expect(ids(neighbourhood(g, 'a', 2))).toEqual(['a', 'b', 'c']);
    expect(ids(neighbourhood(g, 'a', 10))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('returns every link between returned nodes, parallel ones included', () => {
    const rows = barbellRows();
    rows.edges.push({ source: 'b1', target: 'a5', type: 'pays' });
    const n = neighbourhood(build(rows), 'a5', 1);
    expect(ids(n)).toEqual(['a5', 'a1', 'a2', 'a3', 'a4', 'b1']);
    expect(n.edges).toHaveLength(10 + 2); // the clique a1…a5, and two links a5 – b1
    expect(n.edges.filter((e) => e.type === 'pays')).toEqual([{ source: 'b1', target: 'a5', type: 'pays', weight: 1 }]);
  });

  it('stops at the limit, keeps the nodes most tied to the hop before and says it truncated', () => {
    const rows = starRows(6);
    // The wallet is used by three workers, the phone p01 also by w04: both outrank the other phones.
    rows.nodes.push({ id: 'wallet', type: 'selector' });
    for (const w of ['w02', 'w04', 'w06']) rows.edges.push({ source: w, target: 'wallet', type: 'uses' });
    rows.edges.push({ source: 'w04', target: 'p01', type: 'uses' });
    const g = build(rows);
    const n = neighbourhood(g, 'hub', 2, 9);
    expect(ids(n)).toEqual(['hub', 'w01', 'w02', 'w03', 'w04', 'w05', 'w06', 'p01', 'wallet']);
    expect(n.truncated).toBe(true);
    expect(n.edges).toHaveLength(6 + 2 + 3);
    // Within one hop, equally tied nodes go by id.
    const first = neighbourhood(g, 'hub', 3, 3);
    expect(ids(first)).toEqual(['hub', 'w01', 'w02']);
    expect(first.truncated).toBe(true);
    expect(first.edges.every((e) => e.target === 'hub')).toBe(true);
  });

  it('keeps the tie-break by smallest id among equally connected nodes', () => {
    const n = neighbourhood(build(starRows(6)), 'hub', 1, 4);
    expect(ids(n)).toEqual(['hub', 'w01', 'w02', 'w03']);
  });

  it('bounds its work: looks at the least connected first and stops before a hub past the budget', () => {
    const rows: Rows = { nodes: [{ id: 's', type: 'person' }], edges: [] };
    const fan = (hub: string, leaves: number) => {
      rows.nodes.push({ id: hub, type: 'selector' });
      rows.edges.push({ source: 's', target: hub, type: 'uses' });
      for (let i = 0; i < leaves; i++) {
        rows.nodes.push({ id: `${hub}-${i}`, type: 'person' });
        rows.edges.push({ source: `${hub}-${i}`, target: hub, type: 'uses' });
      }
    };
    fan('small', 2);
    fan('wallet', 29);
    const g = build(rows);
    const n = neighbourhood(g, 's', 2, 1000, 10);
    expect(ids(n)).toEqual(['s', 'small', 'wallet', 'small-0', 'small-1']);
    expect(n.truncated).toBe(true);
    // The first entity of a hop is always looked at, whatever its links.
    expect(neighbourhood(g, 'wallet', 1, 1000, 10).nodes).toHaveLength(31);
    expect(neighbourhood(g, 's', 2, 1000).nodes).toHaveLength(34);
  });

  it('is not truncated when the limit is reached exactly and nothing is left within the hops', () => {
    const g = build(pathRows());
    expect(neighbourhood(g, 'a', 2, 3)).toMatchObject({ truncated: false });
    expect(neighbourhood(g, 'a', 3, 3)).toMatchObject({ truncated: true });
    expect(ids(neighbourhood(g, 'a', 3, 3))).toEqual(['a', 'b', 'c']);
  });

  it('gives an empty neighbourhood for an unknown id and refuses bad bounds', () => {
    const g = build(pathRows());
    expect(neighbourhood(g, 'nobody', 2)).toEqual({ nodes: [], edges: [], truncated: false });
    expect(() => neighbourhood(g, 'a', -1)).toThrow(RangeError);
    expect(() => neighbourhood(g, 'a', 1.5)).toThrow(RangeError);
    expect(() => neighbourhood(g, 'a', 1, 0)).toThrow(RangeError);
  });

  it('returns exactly the edges among the returned nodes, whatever the limit and budget', () => {
    const g = build(randomRows(300, 1000, 17));
    for (const [limit, budget] of [
      [500, 10_000],
      [40, 10_000],
      [120, 30],
      [7, 5],
    ] as const) {
      for (const start of ['n0000', 'n0150', 'n0299']) {
        const n = neighbourhood(g, start, 3, limit, budget);
        const inside = new Set(ids(n));
        const expected = g
          .filterEdges((_k, _a, s, t) => inside.has(s) && inside.has(t))
          .map((k) => `${g.source(k)} ${g.target(k)} ${g.getEdgeAttribute(k, 'type')}`)
          .sort();
        expect(n.edges.map((e) => `${e.source} ${e.target} ${e.type}`).sort()).toEqual(expected);
        expect(n.nodes.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('gives the same answer whatever order the rows came in', () => {
    const rows = randomRows(300, 900, 7);
    const shuffled = { nodes: [...rows.nodes].reverse(), edges: [...rows.edges].reverse() };
    const a = neighbourhood(build(rows), 'n0001', 3, 60);
    const b = neighbourhood(build(shuffled), 'n0001', 3, 60);
    expect(a.truncated).toBe(true);
    expect(ids(b)).toEqual(ids(a));
    expect(b.edges.map((e) => [e.source, e.target, e.type])).toEqual(a.edges.map((e) => [e.source, e.target, e.type]));
  });
});

describe('shortestPath', () => {
  it('finds the path along a path graph, with one edge per hop', () => {
    const g = build(pathRows());
    expect(shortestPath(g, 'a', 'e')).toEqual({
      nodes: ['a', 'b', 'c', 'd', 'e'],
      edges: [
        { source: 'a', target: 'b', type: 'knows', weight: 1 },
        { source: 'b', target: 'c', type: 'knows', weight: 1 },
        { source: 'c', target: 'd', type: 'knows', weight: 1 },
        { source: 'd', target: 'e', type: 'knows', weight: 1 },
      ],
    });
    expect(shortestPath(g, 'e', 'b')?.nodes).toEqual(['e', 'd', 'c', 'b']);
  });

  it('honours maxHops', () => {
    const g = build(pathRows());
    expect(shortestPath(g, 'a', 'e', 3)).toBeNull();
    expect(shortestPath(g, 'a', 'e', 4)?.nodes).toHaveLength(5);
    expect(shortestPath(g, 'a', 'b', 0)).toBeNull();
    expect(shortestPath(g, 'a', 'b', 1)?.nodes).toEqual(['a', 'b']);
  });

  it('returns null between networks and for unknown ids, and the one node from a node to itself', () => {
    const g = build(twoComponentRows());
    expect(shortestPath(g, 'a', 'x')).toBeNull();
    expect(shortestPath(g, 'a', 'z')).toBeNull();
    expect(shortestPath(g, 'a', 'nobody')).toBeNull();
    expect(shortestPath(g, 'x', 'x')).toEqual({ nodes: ['x'], edges: [] });
    expect(shortestPath(g, 'y', 'x')?.edges).toEqual([{ source: 'y', target: 'x', type: 'pays', weight: 1 }]);
  });

  it('shows the heaviest of several links between two steps', () => {
    const rows = barbellRows();
    rows.edges.push({ source: 'b1', target: 'a5', type: 'pays', weight: 4 });
    const p = shortestPath(build(rows), 'a1', 'b2')!;
    expect(p.nodes).toEqual(['a1', 'a5', 'b1', 'b2']);
    expect(p.edges[1]).toEqual({ source: 'b1', target: 'a5', type: 'pays', weight: 4 });
  });

  it('is as short as a plain breadth-first search says, and each step is a real link', () => {
    const rows = randomRows(400, 700, 3);
    const g = build(rows);
    for (const from of ['n0000', 'n0042', 'n0333']) {
      const dist = bfsDistances(rows, from);
      for (let t = 0; t < 400; t += 13) {
        const to = `n${String(t).padStart(4, '0')}`;
        const p = shortestPath(g, from, to);
        expect(p === null ? undefined : p.nodes.length - 1).toBe(dist.get(to));
        p?.edges.forEach((e, i) => {
          expect([e.source, e.target].sort()).toEqual([p.nodes[i], p.nodes[i + 1]].sort());
        });
      }
    }
  });

  it('gives the same path on every run over the same rows', () => {
    const rows = randomRows(400, 1200, 11);
    const first = shortestPath(build(rows), 'n0005', 'n0390');
    for (let run = 0; run < 3; run++) expect(shortestPath(build(rows), 'n0005', 'n0390')).toEqual(first);
  });
});
