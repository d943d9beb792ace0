import type { FreezeState } from '@cordon/contracts';

/**
 * The urgent freeze request's life (pure). Who may make each move: the requesting agency sends;
 * the agency of the account's jurisdiction answers, freezes and carries the case through; only
 * the deadline job expires a request that was not answered in time.
 */
export type Side = 'requester' | 'target' | 'system';

export const TRANSITIONS: Readonly<Record<FreezeState, Partial<Record<FreezeState, Side>>>> = {
  draft: { sent: 'requester' },
  sent: { acknowledged: 'target', declined: 'target', expired: 'system' },
  acknowledged: { frozen: 'target', declined: 'target', expired: 'system' },
  frozen: { seized: 'target', released: 'target' },
  seized: { forfeited: 'target' },
  forfeited: { returned: 'target' },
  declined: {},
  expired: {},
  released: {},
  returned: {},
};

/** States in which the deadline still runs. */
export const AWAITING: readonly FreezeState[] = ['sent', 'acknowledged'];

export type Check = { ok: true } | { ok: false; status: 403 | 409; reason: string };

export function checkTransition(from: FreezeState, to: FreezeState, side: Side): Check {
  const who = TRANSITIONS[from][to];
  if (who === undefined) {
    const allowed = Object.keys(TRANSITIONS[from]);
    return {
      ok: false,
      status: 409,
      reason: `cannot go from ${from} to ${to}${allowed.length ? ` (next: ${allowed.join(', ')})` : ` (${from} is final)`}`,
    };
  }
  if (who !== side)
    return {
      ok: false,
      status: 403,
      reason: `only the ${who === 'system' ? 'deadline' : `${who} agency`} may move a request to ${to}`,
    };
  return { ok: true };
}

/** When to warn both sides that the deadline is near: an hour before, or a quarter of a short deadline. */
export function reminderLeadMs(deadlineHours: number): number {
  return Math.min(3_600_000, (deadlineHours * 3_600_000) / 4);
}
