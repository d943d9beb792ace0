import type { OperationStatus } from '@cordon/contracts';

/** The one step each status may take, by the lead agency: planning → active → concluded → archived. */
const NEXT: Record<OperationStatus, OperationStatus | null> = {
  planning: 'active',
  active: 'concluded',
  concluded: 'archived',
  archived: null,
};

export function canMove(from: OperationStatus, to: OperationStatus): boolean {
  return NEXT[from] === to;
}

/** Deconfliction looks at operations still being prepared or run. */
export const LIVE_STATUSES: OperationStatus[] = ['planning', 'active'];
/** Results are reported while the operation runs and after it concluded (late counts), not before. */
export const REPORTING_STATUSES: OperationStatus[] = ['active', 'concluded'];

const ACCOUNT_KINDS = new Set(['iban', 'bank-account', 'crypto']);
/** A selector kind that designates a financial account makes an 'account' target. */
export function targetKindOfSelector(selectorKind: string): 'account' | 'selector' {
  return ACCOUNT_KINDS.has(selectorKind) ? 'account' : 'selector';
}

/** Plain-words totals for a press release: numbers only. */
export function summaryText(s: {
  countries: number;
  arrests: number;
  victimsRescued: number;
  centresRaided: number;
  devicesSeized: number;
  accountsBlocked: number;
  assets: { currency: string; frozen: string; seized: string }[];
}): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const parts = [
    `${n(s.countries)} ${s.countries === 1 ? 'country' : 'countries'}`,
    `${n(s.arrests)} arrests`,
    `${n(s.victimsRescued)} victims rescued`,
    `${n(s.centresRaided)} scam centres raided`,
    `${n(s.devicesSeized)} devices seized`,
    `${n(s.accountsBlocked)} accounts blocked`,
  ];
  for (const a of s.assets) parts.push(`${a.currency} ${a.frozen} frozen and ${a.seized} seized`);
  return `${parts.join(', ')}.`;
}
