import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { type FieldError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { type OperationRow, OperationsRepository } from './operations.repository.ts';

/** What every operations service may be given (each takes only what it uses). */
export interface OperationsDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
}

const repo = new OperationsRepository();
export const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });
export const iso = (d: Date) => d.toISOString();

export function fail(errors: FieldError[]): never {
  throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** The operation if the viewer's agency is in its audience (else 404), with the viewer's standing. */
export async function visibleOperation(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<{ op: OperationRow; my: string }> {
  const op = await repo.visible(db, reader(viewer), id);
  if (!op) throw new NotFoundError('operation');
  const p = await repo.participant(db, id, viewer.agencyId);
  return { op, my: p?.status ?? 'invited' };
}

/** Lead or accepted participant; an invited agency that has not accepted sees only the header. */
export async function participantOf(db: Executor, viewer: Viewer, id: string) {
  const v = await visibleOperation(db, viewer, id);
  if (v.my !== 'lead' && v.my !== 'accepted') {
    throw new ForbiddenError('Only participating agencies (the lead and those that accepted) see this part.');
  }
  return v;
}

export async function leadOf(db: Executor, viewer: Viewer, id: string) {
  const v = await visibleOperation(db, viewer, id);
  if (v.my !== 'lead') throw new ForbiddenError('Only the lead agency may do this.');
  return v;
}
