import type { Database, Db } from '../db/database.ts';
import { appendToChain, type ChainInput } from './log.ts';

/**
 * Read audits (docs/decisions.md, "Read audits are group-committed into the chain"). A read of
 * sensitive data is answered only once its record is durably in the chain, but reads must not
 * each pay a transaction, a lock and a round trip: per database, one append is in flight at a
 * time, and it carries every record queued when it starts. A group starts when it holds
 * `GROUP_TARGET` records or its oldest record has waited `MAX_WAIT_MS`, whichever comes first
 * (records queued while an append is in flight wait for it to return). Each append is one
 * `audit_append` call (log.ts), committed on its own; if it fails, every read in it fails.
 */
interface Waiter {
  item: ChainInput;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Longest a record waits for others to share its append (ms): what one read's answer may lose. */
const MAX_WAIT_MS = 1;
/** Records that start an append at once: beyond this a group saves little more per record. */
const GROUP_TARGET = 8;
/** Records per append at most (a backlog is sent in several). */
const GROUP_MAX = 5000;

class GroupAppender {
  readonly #queue: Waiter[] = [];
  /** When the oldest queued record arrived (performance.now()). */
  #oldest = 0;
  #inFlight = false;
  #timer: NodeJS.Timeout | null = null;
  constructor(private readonly db: Db) {}

  add(item: ChainInput): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#queue.length === 0) this.#oldest = performance.now();
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#inFlight || this.#queue.length === 0) return;
    const wait = MAX_WAIT_MS - (performance.now() - this.#oldest);
    if (this.#queue.length >= GROUP_TARGET || wait <= 0) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      void this.#send();
    } else {
      this.#timer ??= setTimeout(() => {
        this.#timer = null;
        this.#schedule();
      }, wait);
    }
  }

  async #send(): Promise<void> {
    const group = this.#queue.splice(0, GROUP_MAX);
    this.#oldest = performance.now();
    this.#inFlight = true;
    try {
      await appendToChain(
        this.db,
        group.map((w) => w.item),
      );
      for (const w of group) w.resolve();
    } catch (e) {
      for (const w of group) w.reject(e);
    } finally {
      this.#inFlight = false;
      this.#schedule();
    }
  }
}

const appenders = new WeakMap<Db, GroupAppender>();

/**
 * Appends a read's record to the chain, sharing the append with the reads around it; resolves once
 * it is committed. Never call it inside a transaction on PGlite (it writes through `database.db`).
 */
export function appendRead(database: Database, item: ChainInput): Promise<void> {
  let a = appenders.get(database.db);
  if (!a) {
    a = new GroupAppender(database.db);
    appenders.set(database.db, a);
  }
  return a.add(item);
}
