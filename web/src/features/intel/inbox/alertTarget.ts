import type { Alert } from '@cordon/contracts';

/** Where an alert (or its live event) leads in the console. */
export type AlertTarget =
  | { to: '/intel/hits/$hitId'; params: { hitId: string } }
  | { to: '/intel/reports/$reportId'; params: { reportId: string } }
  | { to: '/intel/inbox'; search: { tab: 'disclosures' } }
  | { to: '/intel/watchlist' };

export function alertTarget(alert: Pick<Alert, 'refType' | 'refId'>): AlertTarget {
  switch (alert.refType) {
    case 'hit':
      return { to: '/intel/hits/$hitId', params: { hitId: alert.refId } };
    case 'report':
      return { to: '/intel/reports/$reportId', params: { reportId: alert.refId } };
    case 'disclosure':
      return { to: '/intel/inbox', search: { tab: 'disclosures' } };
    default:
      return { to: '/intel/watchlist' };
  }
}

export type AlertKind = Alert['kind'];
const KINDS: readonly AlertKind[] = ['hit', 'watch', 'disclosure'];

/** An `intel.<kind>.alert` live event's alert kind, or null for any other topic. */
export function alertKindOfTopic(topic: string): AlertKind | null {
  const m = /^intel\.(\w+)\.alert$/.exec(topic);
  const kind = m?.[1] as AlertKind | undefined;
  return kind && KINDS.includes(kind) ? kind : null;
}
