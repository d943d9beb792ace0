import type { Graph } from './graph/index.ts';

/**
 * The visible graph per reader, kept per node process (docs/decisions.md, "The visible graph is
 * cached per reader"). What a reader sees depends only on its agency and region (visibleTo), so
 * the graph is cached under that key. Any intelligence write on this node (a submission, a
 * batch, a hit decision, a disclosure answer) drops every cached graph at once; writes made on
 * another node are seen when the entry expires (TTL). Each request still reads only the graph
 * built for its own reader, so markings are applied exactly as before.
 */
let version = 0;

/** Call after an intelligence write has committed. */
export function intelChanged(): void {
  version += 1;
}

export class VisibleGraphCache {
  readonly #entries = new Map<string, { version: number; until: number; graph: Promise<Graph> }>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 64,
  ) {}

  get(key: string, build: () => Promise<Graph>): Promise<Graph> {
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && hit.version === version && hit.until > now) return hit.graph;
    if (this.#entries.size >= this.max) this.#entries.clear();
    const graph = build();
    const entry = { version, until: now + this.ttlMs, graph };
    this.#entries.set(key, entry);
    // A failed build is not kept.
    graph.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return graph;
  }
}
