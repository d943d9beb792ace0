import { createHash } from 'node:crypto';
import type { NewTransaction } from '@cordon/contracts';
import type { FieldError } from '../../platform/http/errors.ts';
import { type CanonicalAccount, canonicalAccount } from './accounts.ts';
import { isToken, parseAmount, TOKENS } from './money.ts';

/** A transaction row checked and reduced to canonical accounts and an exact amount. */
export interface PreparedTx {
  sourceKey: string;
  from: CanonicalAccount | null;
  to: CanonicalAccount;
  amount: string;
  currency: string;
  occurredAt: Date;
  victimRef: string | null;
  victimCountry: string | null;
  caseRef: string | null;
  txHash: string | null;
}

export type Prepared = { ok: true; tx: PreparedTx } | { ok: false; errors: FieldError[] };

/**
 * Validates one row (API or file). The idempotency key is the given source key, else the transfer
 * (hash, receiving account, currency, amount: one hash may carry several token transfers), else a
 * digest of the row's canonical fields, so the same file imported twice stores each row once.
 */
export function prepareTransaction(row: NewTransaction, prefix = ''): Prepared {
  const errors: FieldError[] = [];
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const currency = typeof row.currency === 'string' ? row.currency.trim().toUpperCase() : '';
  const amount = parseAmount(row.amount, currency);
  if (!amount.ok)
    errors.push({
      field: amount.reason.startsWith('unknown currency') ? f('currency') : f('amount'),
      message: amount.reason,
    });
  const to = canonicalAccount(row.to);
  if (!to.ok) errors.push({ field: f(`to.${to.field}`), message: to.reason });
  const from = row.from ? canonicalAccount(row.from) : null;
  if (from && !from.ok) errors.push({ field: f(`from.${from.field}`), message: from.reason });
  const at = new Date(row.occurredAt);
  if (Number.isNaN(at.getTime())) errors.push({ field: f('occurredAt'), message: 'not a valid date-time' });
  else if (at.getUTCFullYear() < 1900 || at.getUTCFullYear() > 2200)
    errors.push({ field: f('occurredAt'), message: 'the date must be between the years 1900 and 2200' });
  // A token moves on its chains only; a fiat currency does not move between wallets.
  for (const [side, acc] of [
    ['to', to],
    ['from', from],
  ] as const) {
    if (!acc?.ok || !amount.ok) continue;
    const chain = acc.account.chain;
    if (chain && !(isToken(currency) && TOKENS[currency]?.chains.includes(chain as 'tron'))) {
      errors.push({ field: f('currency'), message: `${currency} does not move on ${chain} (${side} account)` });
    }
    if (!chain && isToken(currency) && acc.account.type !== 'ewallet') {
      errors.push({ field: f('currency'), message: `${currency} is a token: the ${side} account must be a wallet` });
    }
  }
  if (errors.length > 0 || !to.ok || !amount.ok || (from && !from.ok)) return { ok: false, errors };
  const fromAcc = from?.ok ? from.account : null;
  const txHash = row.txHash?.trim() || null;
  const sourceKey =
    row.sourceKey?.trim() ||
    (txHash
      ? `tx:${txHash.toLowerCase()}:${to.account.key}:${currency}:${amount.value}`
      : `row:${createHash('sha256')
          .update(
            JSON.stringify([
              fromAcc?.key ?? null,
              to.account.key,
              amount.value,
              currency,
              at.toISOString(),
              row.victimRef ?? null,
            ]),
          )
          .digest('hex')}`);
  return {
    ok: true,
    tx: {
      sourceKey,
      from: fromAcc,
      to: to.account,
      amount: amount.value,
      currency,
      occurredAt: at,
      victimRef: row.victimRef?.trim() || null,
      victimCountry: row.victimCountry ?? null,
      caseRef: row.caseRef?.trim() || null,
      txHash,
    },
  };
}
