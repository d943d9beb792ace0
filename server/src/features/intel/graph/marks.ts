/**
 * Sets of node indices for searches over the graph, without a Set per search: a stamp per node
 * and an epoch per use (clearing is one increment). One `Marks` per graph and purpose, reused by
 * every search on that graph (JavaScript runs one search at a time).
 */
import type { Graph } from './graph.ts';

export class Marks {
  #stamp = new Int32Array(0);
  #epoch = 0;
  /** A value per marked node (a count, a parent), valid while the node is marked. */
  value = new Int32Array(0);

  /** Empties the set, sized for `capacity` node indices. */
  clear(capacity: number): this {
    if (this.#stamp.length < capacity) {
      const size = Math.max(capacity, this.#stamp.length * 2, 16);
      this.#stamp = new Int32Array(size);
      this.value = new Int32Array(size);
      this.#epoch = 0;
    }
    if (this.#epoch === 0x7fffffff) {
      this.#stamp.fill(0);
      this.#epoch = 0;
    }
    this.#epoch++;
    return this;
  }

  has(v: number): boolean {
    return this.#stamp[v] === this.#epoch;
  }

  add(v: number): void {
    this.#stamp[v] = this.#epoch;
  }
}

const perGraph = new WeakMap<Graph, Marks[]>();

/** `count` cleared mark sets for a search on `g`, sized for its nodes. */
export function marksFor(g: Graph, count: number): Marks[] {
  let all = perGraph.get(g);
  if (!all) {
    all = [];
    perGraph.set(g, all);
  }
  while (all.length < count) all.push(new Marks());
  return all.slice(0, count).map((m) => m.clear(g.capacity));
}
