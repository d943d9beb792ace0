import type { Audience, Role, Tlp } from '@cordon/contracts';
import type { BaseLogger } from 'pino';

/** Who may receive an event on the live stream. */
export type EventAudience =
  /** Whoever may read the marked record it is about (`canSee`). */
  | { kind: 'marked'; ownerAgencyId: string; tlp: Tlp; audience: Audience }
  /** Users of these agencies; with roles, only those holding one of them. */
  | { kind: 'agencies'; agencyIds: string[]; roles?: Role[] }
  /** These users only. */
  | { kind: 'users'; userIds: string[] }
  /** Every signed-in member (user or token of any member agency). */
  | { kind: 'members' };

/** What `emit` writes to the outbox. */
export interface NewEvent {
  /** Dotted, e.g. `intel.report.created` (letters, digits, `_`, `-`; becomes a NATS subject). */
  topic: string;
  data: Record<string, unknown>;
  audience: EventAudience;
  /** Defaults to the database's now(); services with a Clock pass `clock.now()`. */
  occurredAt?: Date;
}

/** An event as it travels on the bus. `id` is the outbox id: stable across re-deliveries. */
export interface EventEnvelope {
  id: string;
  topic: string;
  /** ISO 8601. */
  occurredAt: string;
  data: Record<string, unknown>;
  audience: EventAudience;
}

/** The part of a pino / Fastify logger the platform uses. */
export type Log = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

const noop = () => {};
export const silentLog: Log = { debug: noop, info: noop, warn: noop, error: noop };

/** What a service needs after committing a transaction that emitted: a nudge to the dispatcher. */
export interface Notifier {
  notify(): void;
}
