import { describe, expect, it } from 'vitest';
import { buildGraph } from './index.ts';
import { starRows } from './test-graphs.ts';

describe('buildGraph', () => {
  it('builds an undirected multigraph from rows and keeps labels and directions', () => {
    const { nodes, edges } = starRows(3);
    const g = buildGraph(nodes, edges);
    expect(g.type).toBe('undirected');
    expect(g.multi).toBe(true);
    expect(g.order).toBe(7);
    expect(g.size).toBe(6);
    expect(g.getNodeAttributes('hub')).toEqual({ type: 'scam-centre', label: 'Compound' });
    expect(g.getNodeAttributes('w01')).toEqual({ type: 'person' });
    const key = g.edges('hub', 'w01')[0]!;
    expect(g.source(key)).toBe('w01');
    expect(g.getEdgeAttributes(key)).toEqual({ type: 'works-at', weight: 1 });
    expect(g.getAttributes()).toEqual({ droppedEdges: 0, selfLoops: 0, mergedEdges: 0 });
  });

  it('keeps links of different types or directions apart and merges repeated rows, adding weights', () => {
    const g = buildGraph(
      [
        { id: 'boss', type: 'person' },
        { id: 'kk', type: 'scam-centre' },
      ],
      [
        { source: 'boss', target: 'kk', type: 'operates' },
        { source: 'boss', target: 'kk', type: 'operates', weight: 2 },
        { source: 'boss', target: 'kk', type: 'pays' },
        { source: 'kk', target: 'boss', type: 'pays', weight: 0.5 },
      ],
    );
    expect(g.size).toBe(3);
    const found = g.mapEdges((_k, a, s, t) => `${s}>${t} ${a.type} ${a.weight}`).sort();
    expect(found).toEqual(['boss>kk operates 3', 'boss>kk pays 1', 'kk>boss pays 0.5']);
    expect(g.getAttribute('mergedEdges')).toBe(1);
  });

  it('drops edges to entities it was not given (no placeholders) and self-loops, and counts them', () => {
    const g = buildGraph(
      [
        { id: 'a', type: 'person' },
        { id: 'b', type: 'selector' },
      ],
      [
        { source: 'a', target: 'b', type: 'holds-selector' },
        { source: 'a', target: 'hidden', type: 'pays' },
        { source: 'hidden', target: 'b', type: 'pays' },
        { source: 'a', target: 'a', type: 'knows' },
      ],
    );
    expect(g.nodes()).toEqual(['a', 'b']);
    expect(g.size).toBe(1);
    expect(g.getAttributes()).toEqual({ droppedEdges: 2, selfLoops: 1, mergedEdges: 0 });
  });

  it('keeps the first row of a repeated entity and treats a null label as none', () => {
    const rows = [
      { id: 'a', type: 'person', label: null as unknown as string },
      { id: 'a', type: 'selector', label: 'again' },
    ];
    expect(buildGraph(rows, []).getNodeAttributes('a')).toEqual({ type: 'person' });
  });

  it('refuses a weight that is not a positive number', () => {
    const nodes = [
      { id: 'a', type: 'person' },
      { id: 'b', type: 'person' },
    ];
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildGraph(nodes, [{ source: 'a', target: 'b', type: 'pays', weight }])).toThrow(RangeError);
    }
  });

  it('accepts any iterables, such as generators over query rows', () => {
    function* nodes() {
      yield { id: 'a', type: 'person' };
      yield { id: 'b', type: 'person' };
    }
    function* edges() {
      yield { source: 'a', target: 'b', type: 'knows' };
    }
    expect(buildGraph(nodes(), edges()).size).toBe(1);
  });
});
