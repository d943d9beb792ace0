import type { Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';

/**
 * Emitted (in the writing transaction) whenever the set of selectors published as TLP:CLEAR
 * changes: a TLP:CLEAR report was stored (single or bulk). The public portal keeps that set in
 * memory and reloads it on this event (features/awareness/warning-list.ts). Anything that ever
 * withdraws a TLP:CLEAR report or its entities must emit it too.
 */
export const WARNING_LIST_CHANGED = 'intel.warning-list.changed';

export async function warningListChanged(
  tx: Tx,
  reports: readonly { id: string; tlp: string }[],
  at: Date,
): Promise<void> {
  const published = reports.filter((r) => r.tlp === 'CLEAR').map((r) => r.id);
  if (published.length === 0) return;
  await emit(tx, {
    topic: WARNING_LIST_CHANGED,
    // TLP:CLEAR reports: every member may know they exist.
    data: { reports: published.slice(0, 100), count: published.length },
    audience: { kind: 'members' },
    occurredAt: at,
  });
}
