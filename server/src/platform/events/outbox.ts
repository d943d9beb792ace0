import type { Tx } from '../db/database.ts';
import type { EventAudience, NewEvent } from './types.ts';

/** Topic words become NATS subject tokens: no spaces, wildcards or empty parts. */
const TOPIC = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** Events carry references and summaries, not documents. */
export const MAX_EVENT_BYTES = 256 * 1024;

export class InvalidEventError extends Error {}

/**
 * Writes an event to the outbox inside the caller's transaction: it exists if and only if the
 * caller's data commits. Call the dispatcher's `notify()` after the commit for prompt delivery
 * (a poll delivers it anyway). Returns the event id.
 */
export async function emit(tx: Tx, event: NewEvent): Promise<string> {
  checkEvent(event);
  const data = JSON.stringify(event.data);
  if (Buffer.byteLength(data) > MAX_EVENT_BYTES) {
    throw new InvalidEventError(`event ${event.topic} is larger than ${MAX_EVENT_BYTES} bytes`);
  }
  const row = await tx
    .insertInto('outbox')
    .values({
      topic: event.topic,
      data,
      audience: JSON.stringify(event.audience),
      ...(event.occurredAt ? { created_at: event.occurredAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Like `emit` for many events: one multi-row insert (bulk submissions). Returns the ids in order. */
export async function emitMany(tx: Tx, events: NewEvent[]): Promise<string[]> {
  const ids: string[] = [];
  const rows = events.map((event) => {
    checkEvent(event);
    const data = JSON.stringify(event.data);
    if (Buffer.byteLength(data) > MAX_EVENT_BYTES) {
      throw new InvalidEventError(`event ${event.topic} is larger than ${MAX_EVENT_BYTES} bytes`);
    }
    return {
      topic: event.topic,
      data,
      audience: JSON.stringify(event.audience),
      ...(event.occurredAt ? { created_at: event.occurredAt } : {}),
    };
  });
  // Rows with and without created_at take different column lists: insert them in runs.
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const dated = chunk.every((r) => 'created_at' in r);
    const values = dated ? chunk : chunk.map(({ topic, data, audience }) => ({ topic, data, audience }));
    const out = await tx.insertInto('outbox').values(values).returning('id').execute();
    ids.push(...out.map((r) => String(r.id)));
  }
  return ids;
}

function checkEvent(e: NewEvent): void {
  if (!TOPIC.test(e.topic)) throw new InvalidEventError(`invalid event topic: ${JSON.stringify(e.topic)}`);
  if (e.data === null || typeof e.data !== 'object' || Array.isArray(e.data)) {
    throw new InvalidEventError('event data must be an object');
  }
  checkAudience(e.audience);
}

function checkAudience(a: EventAudience): void {
  const strings = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  switch (a?.kind) {
    case 'members':
      return;
    case 'users':
      if (strings(a.userIds)) return;
      break;
    case 'agencies':
      if (strings(a.agencyIds) && (a.roles === undefined || strings(a.roles))) return;
      break;
    case 'marked':
      if (typeof a.ownerAgencyId === 'string' && typeof a.tlp === 'string' && typeof a.audience?.kind === 'string')
        return;
      break;
  }
  throw new InvalidEventError(`invalid event audience: ${JSON.stringify(a)}`);
}
