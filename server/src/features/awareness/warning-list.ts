import type { Bus, Subscription } from '../../platform/events/bus.ts';
import type { Log } from '../../platform/events/types.ts';
import { WARNING_LIST_CHANGED } from '../intel/warning-list-events.ts';

export interface WarningListOptions {
  /** Reads every selector key published as TLP:CLEAR (one query; AwarenessRepository.warningListKeys). */
  load: () => Promise<Set<string>>;
  /** Backstop for a missed event: a list older than this is reloaded in the background. */
  maxAgeMs?: number;
  now?: () => number;
  log?: Pick<Log, 'warn'>;
}

/**
 * The warning list (selector keys agencies published as TLP:CLEAR) kept in memory, so a public
 * check costs no database query. Loaded on first use; reloaded when intel says it changed
 * (`intel.warning-list.changed`, delivered to every node: a live, not durable, subscription), and
 * in the background when older than `maxAgeMs` in case an event was missed. Checks never wait for
 * a reload once a first list is loaded: they read the last complete one.
 */
export class WarningList {
  #keys: Set<string> | null = null;
  #loadedAt = 0;
  #loading: Promise<void> | null = null;
  /** A change arrived while a load was running (it may have read before the commit): load again. */
  #again = false;
  #loads = 0;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(private readonly o: WarningListOptions) {
    this.#maxAgeMs = o.maxAgeMs ?? 5 * 60_000;
    this.#now = o.now ?? (() => performance.now());
  }

  /** How many times the list was read from the database (for tests and metrics). */
  get loads(): number {
    return this.#loads;
  }

  get size(): number {
    return this.#keys?.size ?? 0;
  }

  /** Resolves when no reload is running (tests). */
  async settled(): Promise<void> {
    while (this.#loading) await this.#loading.catch(() => {});
  }

  /** The keys among `keys` that are on the list. */
  async listed(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    if (this.#keys === null) await (this.#loading ?? this.refresh());
    else if (!this.#loading && this.#now() - this.#loadedAt > this.#maxAgeMs) void this.refresh().catch(() => {});
    const list = this.#keys ?? new Set<string>();
    const hits = new Set<string>();
    for (const k of keys) if (list.has(k)) hits.add(k);
    return hits;
  }

  /** Reloads now (coalesced: one load at a time, and one more if asked during a load). */
  refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      try {
        do {
          this.#again = false;
          const startedAt = this.#now();
          this.#loads += 1;
          this.#keys = await this.o.load();
          this.#loadedAt = startedAt;
        } while (this.#again);
      } finally {
        this.#loading = null;
      }
    })();
    return this.#loading;
  }

  /** Reloads on every `intel.warning-list.changed` event on the bus. */
  follow(bus: Pick<Bus, 'subscribe'>): Promise<Subscription> {
    return bus.subscribe(async (event) => {
      if (event.topic !== WARNING_LIST_CHANGED) return;
      await this.refresh().catch((err: unknown) =>
        this.o.log?.warn({ err }, 'reloading the public warning list failed; the previous list stays in use'),
      );
    });
  }
}
