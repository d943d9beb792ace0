/**
 * The visible graph per reader, kept per node process (docs/decisions.md, "The visible graph is
 * kept per reader and updated from writes"). What a reader sees depends only on its agency and
 * region (visibleTo), so the graph is kept under that key. An intelligence write on this node
 * reports what it changed (`intelChanged`: reports stored or disclosed, a hit decided); the next
 * read of a kept graph applies those changes to it (the caller's `update`, which reads only the
 * rows the change touched, under the same markings) instead of building it again. A write that
 * does not say what it changed, or more changes than the log keeps, means a full rebuild. Writes
 * made on another node are seen when the entry expires (TTL) and is built again.
 */
export type IntelChange =
  /** Reports stored, or disclosed to an agency: their rows may now be visible. */
  | { reports: string[] }
  /** A hit confirmed or rejected: its same-as link may appear or go. */
  | { hit: string };

const LOG_MAX = 10_000;
let version = 0;
let log: Array<{ version: number; change: IntelChange | null }> = [];

/** Call after an intelligence write has committed, with what it changed (none: rebuild everything). */
export function intelChanged(change?: IntelChange): void {
  version += 1;
  log.push({ version, change: change ?? null });
  if (log.length > LOG_MAX) log = log.slice(-LOG_MAX / 2);
}

/** The changes after `since`, or null when the log cannot say (a full rebuild is needed). */
function changesSince(since: number): IntelChange[] | null {
  const first = log[0];
  if (!first || first.version > since + 1) return null;
  const out: IntelChange[] = [];
  for (const entry of log) {
    if (entry.version <= since) continue;
    if (!entry.change) return null;
    out.push(entry.change);
  }
  return out;
}

export class VisibleGraphCache<T> {
  readonly #entries = new Map<string, { version: number; until: number; graph: Promise<T> }>();
  /** Full builds and incremental updates so far (for tests and diagnostics). */
  readonly stats = { builds: 0, updates: 0 };
  constructor(
    private readonly ttlMs = 5_000,
    private readonly max = 64,
  ) {}

  /**
   * The kept value for `key`: built by `build`, or brought up to date by `update` (which may
   * change the kept value in place) with the writes made since.
   */
  get(key: string, build: () => Promise<T>, update: (kept: T, changes: IntelChange[]) => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && hit.until > now) {
      if (hit.version === version) return hit.graph;
      const changes = changesSince(hit.version);
      if (changes) {
        this.stats.updates++;
        return this.#keep(
          key,
          hit.until,
          hit.graph.then((kept) => update(kept, changes)),
        );
      }
    }
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.stats.builds++;
    return this.#keep(key, now + this.ttlMs, build());
  }

  #keep(key: string, until: number, graph: Promise<T>): Promise<T> {
    const entry = { version, until, graph };
    this.#entries.set(key, entry);
    // A failed build or update is not kept (an update may have stopped half-way).
    graph.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return graph;
  }

  /** Forgets every kept value (tests: to compare with a fresh build). */
  clear(): void {
    this.#entries.clear();
  }
}
