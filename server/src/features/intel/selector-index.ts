import type { Region, Tlp } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Database, Db, Tx } from '../../platform/db/database.ts';
import type { Bus, Subscription } from '../../platform/events/bus.ts';
import { emitMany } from '../../platform/events/outbox.ts';
import { type Log, silentLog } from '../../platform/events/types.ts';
import { audienceFromColumns } from '../../platform/markings/columns.ts';
import { canSee, type MarkedRecord, type Reader } from '../../platform/markings/markings.ts';

/** The event every intelligence write that adds, removes or re-marks selectors emits. */
export const REPORTS_CHANGED = 'intel.reports.changed';
/** Report ids per event (an event stays far below the outbox's 256 KiB). */
const IDS_PER_EVENT = 2_000;

/**
 * In the writer's transaction: tells every node's selector index that these reports changed
 * (stored, withdrawn, re-marked, disclosed). The event carries ids only; followers read the
 * reports' current state, so applying it twice or late changes nothing.
 */
export async function reportsChanged(tx: Tx, reportIds: string[], at?: Date): Promise<void> {
  const ids = [...new Set(reportIds)];
  const events = [];
  for (let i = 0; i < ids.length; i += IDS_PER_EVENT) {
    events.push({
      topic: REPORTS_CHANGED,
      data: { reportIds: ids.slice(i, i + IDS_PER_EVENT) },
      // Nobody on the live stream: it is for the nodes, not for people.
      audience: { kind: 'users' as const, userIds: [] },
      ...(at ? { occurredAt: at } : {}),
    });
  }
  if (events.length > 0) await emitMany(tx, events);
}

/** One report's part in the index: what a hit/no-hit answer and its markings check need. */
export interface Holding extends MarkedRecord {
  readonly reportId: string;
  /** Admiralty grade, e.g. "B2". */
  readonly grade: string;
  readonly keys: readonly string[];
}

export interface SelectorIndexOptions {
  /** Safety-net poll of the outbox (ms); events on the bus trigger one at once. */
  pollMs?: number;
  /** Rows per page while loading. */
  pageSize?: number;
  logger?: Log;
}

interface Cursor {
  xid: string;
  id: number;
}

/**
 * Per node: canonical selector key → the reports holding it, with their owner, grade and marking.
 * The lookup answers from it without a database read.
 *
 * Consistency: loaded at start (pages in id order), then kept current from the outbox's
 * `intel.reports.changed` events. The follower reads them in (xid, id) order, only below the
 * oldest transaction still running in this database (`outbox_horizon()`, migration 0020), so no
 * event is skipped although transactions
 * commit out of id order; a node that missed bus deliveries (down NATS, no NATS at all) catches up
 * from its cursor on the next poll. Each event names reports; the index re-reads their current
 * state and replaces their entries (idempotent, order-free). All changes go through one queue, so
 * a later read never lands before an earlier one. The writing node applies its own writes before
 * answering the write (read-your-writes); other nodes within a poll (or at once with a bus event).
 */
export class SelectorIndex {
  readonly #database: Database;
  readonly #o: Required<SelectorIndexOptions>;
  readonly #byKey = new Map<string, Holding | Holding[]>();
  readonly #byReport = new Map<string, Holding>();
  /** Interned agency ids and regions: a million entries share a few hundred strings. */
  readonly #strings = new Map<string, string>();
  #cursor: Cursor | null = null;
  #loaded: Promise<void> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #subscription: Subscription | null = null;
  #polling = false;
  #pollAgain = false;
  #closed = false;
  /**
   * Events heard on the bus but not read from the outbox yet (an older transaction still running
   * holds them back): polled again every 50 ms until read, for at most 10 s.
   */
  readonly #heard = new Map<number, number>();
  #fastFollow: NodeJS.Timeout | null = null;
  /** Load time of the last load (ms), for the benchmark and the logs. */
  loadMs = 0;

  constructor(database: Database, options: SelectorIndexOptions = {}) {
    this.#database = database;
    this.#o = {
      pollMs: options.pollMs ?? 500,
      pageSize: options.pageSize ?? 50_000,
      logger: options.logger ?? silentLog,
    };
  }

  get size(): number {
    return this.#byKey.size;
  }

  /**
   * Follows the outbox (a poll every `pollMs`; with a bus, its events wake the follower at once)
   * and starts loading in the background: the app starts at once, the first lookups wait for the
   * load (`ready`).
   */
  async start(bus?: Bus): Promise<void> {
    if (this.#closed || this.#timer) return;
    this.ready().catch((err) => this.#o.logger.error({ err }, 'selector index: load failed; the next lookup retries'));
    this.#timer = setInterval(() => this.poll(), this.#o.pollMs);
    this.#timer.unref();
    if (bus && !this.#subscription) {
      this.#subscription = await bus.subscribe((e) => {
        if (e.topic !== REPORTS_CHANGED) return;
        this.#heard.set(Number(e.id), performance.now());
        this.poll();
      });
    }
  }

  /** Resolves once the index is loaded (loads it on first call, and again after a failed load). */
  ready(): Promise<void> {
    this.#loaded ??= this.#enqueue(() => this.#load()).catch((err: unknown) => {
      this.#loaded = null;
      throw err;
    });
    return this.#loaded;
  }

  async stop(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#fastFollow) clearTimeout(this.#fastFollow);
    this.#timer = null;
    this.#fastFollow = null;
    await this.#subscription?.close();
    this.#subscription = null;
    await this.#queue.catch(() => {});
  }

  /** Every key held (tests compare the index with the database). */
  keys(): IterableIterator<string> {
    return this.#byKey.keys();
  }

  /** The reports holding a canonical key (empty when none). */
  holders(key: string): readonly Holding[] {
    const h = this.#byKey.get(key);
    if (h === undefined) return [];
    return Array.isArray(h) ? h : [h];
  }

  /** May this reader read the holding? The markings rule (`canSee`), disclosures included. */
  static visible(reader: Reader, h: Holding): boolean {
    return canSee(reader, h);
  }

  /**
   * After a write committed on this node: apply it before answering (read-your-writes here; other
   * nodes follow the event). A no-op while the index was never loaded.
   */
  async changed(reportIds: string[]): Promise<void> {
    if (!this.#loaded || reportIds.length === 0) return;
    // The write has committed: a failed read here must not fail it. The follower applies the
    // write's event on its next poll.
    await this.#enqueue(() => this.#refresh(reportIds)).catch((err: unknown) =>
      this.#o.logger.warn({ err }, 'selector index: applying a local write failed; the outbox follower will'),
    );
  }

  /** Reads the events committed since the cursor and applies them (the bus and the timer call it). */
  poll(): Promise<void> {
    if (!this.#cursor || this.#closed) return Promise.resolve();
    if (this.#polling) {
      this.#pollAgain = true;
      return Promise.resolve();
    }
    this.#polling = true;
    return this.#enqueue(async () => {
      do {
        this.#pollAgain = false;
        while (await this.#pollOnce()) {}
      } while (this.#pollAgain && !this.#closed);
    })
      .catch((err) => this.#o.logger.warn({ err }, 'selector index: following the outbox failed; will retry'))
      .finally(() => {
        this.#polling = false;
        const now = performance.now();
        for (const [id, at] of this.#heard) if (now - at > 10_000) this.#heard.delete(id);
        if (this.#heard.size > 0 && !this.#fastFollow && !this.#closed) {
          this.#fastFollow = setTimeout(() => {
            this.#fastFollow = null;
            this.poll();
          }, 50);
          this.#fastFollow.unref();
        }
      });
  }

  /** For tests and the benchmark: apply everything committed so far. */
  async catchUp(): Promise<void> {
    await this.ready();
    await this.#enqueue(async () => {
      while (await this.#pollOnce()) {}
    });
  }

  #enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #pollOnce(): Promise<boolean> {
    const cursor = this.#cursor;
    if (!cursor) return false;
    const { rows } = await sql<{ xid: string; id: number; data: { reportIds?: string[] } }>`
      select xid::text as xid, id, data from outbox
      where topic = ${REPORTS_CHANGED}
        and (xid, id) > (${cursor.xid}::xid8, ${cursor.id}::bigint)
        and xid < outbox_horizon()
      order by xid, id
      limit 200`.execute(this.#database.db);
    if (rows.length === 0) return false;
    for (const r of rows) this.#heard.delete(Number(r.id));
    const ids = rows.flatMap((r) => r.data.reportIds ?? []);
    await this.#refresh(ids);
    const last = rows[rows.length - 1] as (typeof rows)[number];
    this.#cursor = { xid: last.xid, id: Number(last.id) };
    return rows.length === 200;
  }

  async #load(): Promise<void> {
    const t0 = performance.now();
    const db = this.#database.db;
    // Everything committed before the oldest running transaction is in what we read below; what
    // commits after it has an xid at or above it and is followed from the outbox.
    const { rows } = await sql<{ xmin: string }>`select outbox_horizon()::text as xmin`.execute(db);
    const start: Cursor = { xid: rows[0]?.xmin ?? '0', id: 0 };
    this.#byKey.clear();
    this.#byReport.clear();
    const marks = new Map<string, Omit<Holding, 'keys'>>();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await reportRows(db)
        .where('id', '>', after)
        .orderBy('id')
        .limit(Math.max(1, Math.floor(this.#o.pageSize / 5)))
        .execute();
      for (const r of page) marks.set(r.id, this.#holding(r));
      if (page.length === 0) break;
      after = (page[page.length - 1] as (typeof page)[number]).id;
    }
    const keysOf = new Map<string, Set<string>>();
    after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await db
        .selectFrom('entities')
        .select(['id', 'report_id', 'key'])
        .where('key', 'is not', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(this.#o.pageSize)
        .execute();
      for (const e of page) {
        addKey(keysOf, e.report_id, e.key as string);
      }
      if (page.length === 0) break;
      after = (page[page.length - 1] as (typeof page)[number]).id;
    }
    // Entities of reports stored while we read: their reports now.
    const late = [...keysOf.keys()].filter((id) => !marks.has(id));
    if (late.length > 0)
      for (const r of await reportRows(db).where(sql<boolean>`id = any(${late}::uuid[])`).execute())
        marks.set(r.id, this.#holding(r));
    for (const [reportId, keys] of keysOf) {
      const m = marks.get(reportId);
      if (m) this.#add({ ...m, keys: [...keys] });
    }
    this.#cursor = start;
    this.loadMs = performance.now() - t0;
    this.#o.logger.info(
      { keys: this.#byKey.size, reports: this.#byReport.size, ms: Math.round(this.loadMs) },
      'selector index loaded',
    );
  }

  /** Replaces the entries of these reports with their current state (gone when withdrawn). */
  async #refresh(reportIds: string[]): Promise<void> {
    const ids = [...new Set(reportIds)];
    const db = this.#database.db;
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      const [reports, entities] = [
        await reportRows(db).where(sql<boolean>`id = any(${chunk}::uuid[])`).execute(),
        await db
          .selectFrom('entities')
          .select(['report_id', 'key'])
          .where(sql<boolean>`report_id = any(${chunk}::uuid[])`)
          .where('key', 'is not', null)
          .execute(),
      ];
      const keysOf = new Map<string, Set<string>>();
      for (const e of entities) {
        addKey(keysOf, e.report_id, e.key as string);
      }
      for (const id of chunk) this.#remove(id);
      for (const r of reports) {
        const keys = keysOf.get(r.id);
        if (keys && keys.size > 0) this.#add({ ...this.#holding(r), keys: [...keys] });
      }
    }
  }

  #holding(r: ReportMarkRow): Omit<Holding, 'keys'> {
    const audience = audienceFromColumns(r);
    const s = (x: string) => {
      const known = this.#strings.get(x);
      if (known !== undefined) return known;
      this.#strings.set(x, x);
      return x;
    };
    return {
      reportId: r.id,
      ownerAgencyId: s(r.owner_agency_id),
      tlp: s(r.tlp) as Tlp,
      audience:
        audience.kind === 'regions'
          ? { kind: 'regions', regions: audience.regions.map((x) => s(x) as Region) }
          : audience.kind === 'agencies'
            ? { kind: 'agencies', agencyIds: audience.agencyIds.map(s) }
            : audience,
      disclosedTo: r.disclosed_to.map(s),
      grade: s(`${r.reliability}${r.credibility}`),
    };
  }

  #add(h: Holding): void {
    this.#byReport.set(h.reportId, h);
    for (const key of h.keys) {
      const cur = this.#byKey.get(key);
      if (cur === undefined) this.#byKey.set(key, h);
      else if (Array.isArray(cur)) cur.push(h);
      else this.#byKey.set(key, [cur, h]);
    }
  }

  #remove(reportId: string): void {
    const h = this.#byReport.get(reportId);
    if (!h) return;
    this.#byReport.delete(reportId);
    for (const key of h.keys) {
      const cur = this.#byKey.get(key);
      if (cur === h) this.#byKey.delete(key);
      else if (Array.isArray(cur)) {
        const rest = cur.filter((x) => x !== h);
        if (rest.length === 0) this.#byKey.delete(key);
        else this.#byKey.set(key, rest.length === 1 ? (rest[0] as Holding) : rest);
      }
    }
  }
}

function addKey(keysOf: Map<string, Set<string>>, reportId: string, key: string): void {
  const s = keysOf.get(reportId);
  if (s) s.add(key);
  else keysOf.set(reportId, new Set([key]));
}

type ReportMarkRow = {
  id: string;
  owner_agency_id: string;
  tlp: string;
  audience_kind: string;
  audience_regions: string[];
  audience_agencies: string[];
  disclosed_to: string[];
  reliability: string;
  credibility: string;
};

const reportRows = (db: Db) =>
  db
    .selectFrom('reports')
    .select([
      'id',
      'owner_agency_id',
      'tlp',
      'audience_kind',
      'audience_regions',
      'audience_agencies',
      'disclosed_to',
      'reliability',
      'credibility',
    ]);
