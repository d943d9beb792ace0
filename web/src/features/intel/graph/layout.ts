import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphNode, GraphNodeType, Neighbourhood } from '../api/types.ts';
import { NODE_COLOURS } from '../shared/palette.ts';

export interface NodeAttrs {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  nodeType: GraphNodeType;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  label: string;
}

/** Iterations of ForceAtlas2: fixed, so the same neighbourhood always gets the same picture. */
export const LAYOUT_ITERATIONS = 200;

/**
 * A graphology graph of a neighbourhood, laid out deterministically: nodes sorted by id start on a
 * circle (no randomness), then ForceAtlas2 runs a fixed number of iterations. The focus node is larger.
 */
export function buildGraph(data: Neighbourhood, focus: string, edgeColour = '#adb5bd'): Graph<NodeAttrs, EdgeAttrs> {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const nodes = [...data.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = nodes.length;
  nodes.forEach((node: GraphNode, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    graph.addNode(node.id, {
      label: node.label,
      x: 100 * Math.cos(angle),
      y: 100 * Math.sin(angle),
      size: 1,
      color: NODE_COLOURS[node.type] ?? '#868e96',
      nodeType: node.type,
    });
  });
  const edges = [...data.edges].sort((a, b) =>
    `${a.source}|${a.target}|${a.type}`.localeCompare(`${b.source}|${b.target}|${b.type}`),
  );
  for (const e of edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    if (graph.hasEdge(e.source, e.target)) continue;
    graph.addEdge(e.source, e.target, { size: Math.min(1 + e.weight, 4), color: edgeColour, label: e.type });
  }
  const small = n <= 40;
  graph.forEachNode((id) => {
    const degree = graph.degree(id);
    const base = small ? 8 : 4;
    graph.setNodeAttribute(id, 'size', id === focus ? base + 8 : base + Math.min(Math.sqrt(degree) * 2, 10));
  });
  if (n > 1) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 300, adjustSizes: false },
    });
  }
  return graph;
}
