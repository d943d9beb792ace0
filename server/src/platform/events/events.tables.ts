import type { ColumnType, Generated } from 'kysely';
import type { EventAudience } from './types.ts';

/** jsonb: read as the value, written as its JSON text (same on PGlite and node-postgres). */
type Json<T> = ColumnType<T, string, string>;

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  data: Json<Record<string, unknown>>;
  audience: Json<EventAudience>;
  created_at: ColumnType<Date, Date | undefined, never>;
  published_at: Date | null;
  claimed_until: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The writing transaction (xid8, read as text): the order index followers read in. */
  xid: ColumnType<string, never, never>;
}

export interface EventConsumptionsTable {
  consumer: string;
  event_id: ColumnType<number, number | string, never>;
  consumed_at: Generated<Date>;
}

export interface EventsTables {
  outbox: OutboxTable;
  event_consumptions: EventConsumptionsTable;
}
