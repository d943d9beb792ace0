import type { Tx } from '../../platform/db/database.ts';
import type { Bus, Subscription } from '../../platform/events/bus.ts';
import { IdempotentConsumer } from '../../platform/events/consumer.ts';
import type { EventEnvelope } from '../../platform/events/types.ts';
import { type Deconfliction, registerSide, targetSide } from './deconfliction.ts';
import { OperationsRepository } from './operations.repository.ts';
import type { OperationsDeps } from './operations.shared.ts';

/** The durable consumer's name (its applied events are kept in event_consumptions under it). */
export const LATE_MATCH_CONSUMER = 'operations.late-matches';

/** The intelligence event that says a hit links two entities (one per agency of the hit). */
const HIT_ALERT = 'intel.hit.alert';

/**
 * Intelligence that links two entities after both were added (as targets of different operations,
 * or as a target and a register entry) re-keys them: each target or entry holding one entity
 * takes the other's keys too, as it would have had it been added after the hit, and is deconflicted
 * again. The conflicts and alerts are those of a direct match; a pair that already has a conflict
 * gets no second one, so a replayed or repeated event changes nothing.
 */
export class LateMatches {
  private readonly repo = new OperationsRepository();
  constructor(
    private readonly d: Pick<OperationsDeps, 'database' | 'audit' | 'events'>,
    private readonly deconfliction: Deconfliction,
  ) {}

  /** The hit alerts of intelligence. */
  accepts(event: EventEnvelope): boolean {
    return event.topic === HIT_ALERT && event.data.refType === 'hit' && typeof event.data.refId === 'string';
  }

  /** Re-keys and deconflicts what the hit behind the event links; returns the conflicts raised. */
  async apply(tx: Tx, event: EventEnvelope): Promise<number> {
    if (!this.accepts(event)) return 0;
    const hitId = event.data.refId as string;
    const entities = await this.repo.linkedEntities(tx, hitId);
    if (entities?.length !== 2) return 0;
    // What holding one entity adds: the other entity and its canonical key.
    const keysOf = (e: { id: string; key: string | null }) => [`entity:${e.id}`, ...(e.key ? [e.key] : [])];
    const [x, y] = entities as [{ id: string; key: string | null }, { id: string; key: string | null }];
    const gain = new Map([
      [`entity:${x.id}`, keysOf(y)],
      [`entity:${y.id}`, keysOf(x)],
    ]);
    const held = [...gain.keys()];
    await this.deconfliction.lock(tx, [...new Set([...held, ...[...gain.values()].flat()])]);
    const rekey = (keys: string[]) => {
      const next = new Set(keys);
      for (const k of keys) for (const g of gain.get(k) ?? []) next.add(g);
      return next.size === keys.length ? null : [...next];
    };

    let raised = 0;
    for (const t of await this.repo.liveTargetsMeeting(tx, held, null)) {
      const keys = rekey(t.match_keys);
      if (!keys) continue;
      await this.repo.setTargetKeys(tx, t.id, keys);
      const conflicts = await this.deconfliction.deconflict(tx, { ...targetSide(t), keys });
      raised += conflicts;
      await this.audit(tx, 'operations.target.rekeyed', 'operation-target', t.id, { hitId, conflicts });
    }
    for (const r of await this.repo.registerMeeting(tx, held)) {
      const keys = rekey(r.match_keys);
      if (!keys) continue;
      await this.repo.setRegisterKeys(tx, r.id, keys);
      const conflicts = await this.deconfliction.deconflict(tx, { ...registerSide(r), keys });
      raised += conflicts;
      await this.audit(tx, 'operations.register.rekeyed', 'deconfliction-entry', r.id, { hitId, conflicts });
    }
    return raised;
  }

  private audit(tx: Tx, action: string, objectType: string, objectId: string, details: Record<string, unknown>) {
    return this.d.audit(tx, { viewer: null, requestId: null }, { action, objectType, objectId, details });
  }

  /**
   * Subscribes durably: each event is applied once (event_consumptions), and the dispatcher is
   * nudged after a commit so the conflict alerts go out at once.
   */
  consume(bus: Bus): Promise<Subscription> {
    const consumer = new IdempotentConsumer(this.d.database, LATE_MATCH_CONSUMER, async (tx, e) => {
      await this.apply(tx, e);
    });
    return bus.subscribe(
      async (event) => {
        if (!this.accepts(event)) return;
        if ((await consumer.handle(event)) === 'applied') this.d.events.notify();
      },
      { durable: LATE_MATCH_CONSUMER },
    );
  }
}
