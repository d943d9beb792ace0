import { describe, expect, it } from 'vitest';
import type { Neighbourhood } from '../api/types.ts';
import { buildGraph } from './layout.ts';

const data: Neighbourhood = {
  nodes: [
    { id: 'phone:+66812345678', type: 'selector', label: '+66 81 234 5678' },
    { id: 'p1', type: 'person', label: 'Zhang Wei' },
    { id: 'p2', type: 'person', label: 'Zhang Wei' },
    { id: 'report:r1', type: 'report', label: 'Report one' },
    { id: 'c1', type: 'scam-centre', label: 'KK Park' },
  ],
  edges: [
    { source: 'p1', target: 'phone:+66812345678', type: 'uses', weight: 1 },
    { source: 'p2', target: 'phone:+66812345678', type: 'uses', weight: 1 },
    { source: 'report:r1', target: 'p1', type: 'mentions', weight: 1 },
    { source: 'report:r1', target: 'c1', type: 'mentions', weight: 1 },
    { source: 'p1', target: 'c1', type: 'recruits-for', weight: 1 },
    { source: 'p1', target: 'ghost', type: 'uses', weight: 1 },
  ],
  truncated: false,
};

const positions = (g: ReturnType<typeof buildGraph>) =>
  g.mapNodes((id, a) => [id, Math.round(a.x * 1e6), Math.round(a.y * 1e6)] as const);

describe('buildGraph', () => {
  it('lays the same neighbourhood out the same way, whatever the order it came in', () => {
    const a = buildGraph(data, 'phone:+66812345678');
    const b = buildGraph(
      { ...data, nodes: [...data.nodes].reverse(), edges: [...data.edges].reverse() },
      'phone:+66812345678',
    );
    expect(positions(a)).toEqual(positions(b));
    for (const [, x, y] of positions(a)) {
      expect(Number.isFinite(x)).toBe(true);
      expect(Number.isFinite(y)).toBe(true);
    }
  });

  it('colours nodes by type, enlarges the focus and skips edges to unknown nodes', () => {
    const g = buildGraph(data, 'phone:+66812345678');
    expect(g.order).toBe(5);
    expect(g.size).toBe(5);
    expect(g.getNodeAttribute('p1', 'color')).not.toBe(g.getNodeAttribute('c1', 'color'));
    expect(g.getNodeAttribute('phone:+66812345678', 'size')).toBeGreaterThan(g.getNodeAttribute('p2', 'size'));
  });

  it('copes with a single node', () => {
    const g = buildGraph({ nodes: [data.nodes[0]!], edges: [], truncated: false }, 'x');
    expect(g.order).toBe(1);
  });
});
