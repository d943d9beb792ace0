import type { Account, AccountTag } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { fromColumns } from '../../platform/markings/columns.ts';
import type { NoticesFeature } from '../notices/index.ts';
import type { AccountRow, TagRow } from './finance.repository.ts';
import { parseAmount } from './money.ts';

export interface FinanceDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
  /** The notices feature, where it exists: accounts and wallets become a draft Silver Notice. */
  notices?: Pick<NoticesFeature['notices'], 'create'>;
}

export const reader = (v: Viewer) => ({ agencyId: v.agencyId, region: v.region });

/** The account with the tags given (already filtered to those the viewer may see). */
export function toAccount(a: AccountRow, tags: TagRow[]): Account {
  return {
    id: a.id,
    key: a.key,
    type: a.type as Account['type'],
    display: a.display,
    country: a.country,
    chain: a.chain,
    bank: a.bank,
    provider: a.provider,
    tags: tags
      .filter((t) => t.account_id === a.id)
      .map((t) => ({ agencyId: t.agency_id, tag: t.tag as AccountTag, note: t.note, marking: fromColumns(t) })),
  };
}

/** Checks an amount in a currency, naming `field` when it is refused. */
export function checkAmount(value: string, currency: string, field = 'amount'): string {
  const p = parseAmount(value, currency);
  if (!p.ok) throw ValidationError.field(p.reason.startsWith('unknown currency') ? 'currency' : field, p.reason);
  return p.value;
}
