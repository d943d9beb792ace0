import type { SelectorRef } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { type FieldError, ValidationError } from '../../platform/http/errors.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';

export interface NoticesDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
}

export const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function fail(errors: FieldError[]): never {
  throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** Hub reviewers (who hold the role only in the hub agency) see submitted notices to review them. */
export const isReviewer = (v: Viewer) => hasRole(v, 'hub-reviewer');

export function selectorKeys(selectors: SelectorRef[]): { keys: string[]; errors: FieldError[] } {
  const keys: string[] = [];
  const errors: FieldError[] = [];
  selectors.forEach((s, i) => {
    const r = normaliseSelector(s);
    if (r.ok) keys.push(r.selector.key);
    else errors.push({ field: `selectors.${i}.value`, message: r.reason });
  });
  return { keys: [...new Set(keys)], errors };
}
