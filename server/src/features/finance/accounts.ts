import type { AccountInput } from '@cordon/contracts';
import { normaliseSelector } from '../intel/selectors/index.ts';

/**
 * Accounts get the intelligence selector keys (intel/selectors): an IBAN, a bank account or a
 * wallet in a loss report meets the same account in another country's report. E-wallets and
 * payment apps have no selector kind; they are keyed `ewallet:<provider>:<id>`, and an id that is
 * a phone number (GCash, M-Pesa, PromptPay…) takes the phone selector's canonical form.
 */
export interface CanonicalAccount {
  key: string;
  type: AccountInput['type'];
  display: string;
  country: string | null;
  chain: string | null;
  bank: string | null;
  provider: string | null;
}

export type AccountResult = { ok: true; account: CanonicalAccount } | { ok: false; field: string; reason: string };

const PROVIDER = /^[a-z0-9][a-z0-9 ._-]{0,62}$/;

export function canonicalAccount(input: AccountInput): AccountResult {
  const country = input.country?.toUpperCase();
  switch (input.type) {
    case 'iban':
    case 'bank-account': {
      const r = normaliseSelector({
        kind: input.type,
        value: input.value,
        ...(country ? { country } : {}),
        ...(input.bank ? { bank: input.bank } : {}),
      });
      if (!r.ok) return { ok: false, field: 'value', reason: r.reason };
      const s = r.selector;
      return {
        ok: true,
        account: {
          key: s.key,
          type: s.kind === 'iban' ? 'iban' : 'bank-account',
          display: s.display,
          country: s.details.country ?? country ?? null,
          chain: null,
          bank: s.details.bic ?? s.details.bank ?? s.details.bankCode ?? null,
          provider: null,
        },
      };
    }
    case 'crypto': {
      const chain = input.chain?.toLowerCase();
      const r = normaliseSelector({
        kind: 'crypto',
        value: input.value,
        ...(chain ? { chain: chain as 'bitcoin' } : {}),
      });
      if (!r.ok)
        return {
          ok: false,
          field: chain && r.reason.startsWith('unsupported chain') ? 'chain' : 'value',
          reason: r.reason,
        };
      const s = r.selector;
      return {
        ok: true,
        account: {
          key: s.key,
          type: 'crypto',
          display: s.display,
          country: country ?? null,
          chain: s.details.chain ?? null,
          bank: null,
          provider: null,
        },
      };
    }
    case 'ewallet': {
      const provider = input.provider?.trim().toLowerCase() ?? '';
      if (!PROVIDER.test(provider)) {
        return { ok: false, field: 'provider', reason: 'an e-wallet needs its provider (e.g. gcash, alipay, paypal)' };
      }
      const phone = normaliseSelector({ kind: 'phone', value: input.value, ...(country ? { country } : {}) });
      const id = phone.ok ? phone.selector.value : input.value.trim().toLowerCase().replace(/\s+/g, '');
      if (id === '' || id.length > 120)
        return { ok: false, field: 'value', reason: 'an e-wallet needs its account id' };
      return {
        ok: true,
        account: {
          key: `ewallet:${provider}:${id}`,
          type: 'ewallet',
          display: `${provider} ${phone.ok ? phone.selector.display : id}`,
          country: country ?? null,
          chain: null,
          bank: null,
          provider,
        },
      };
    }
  }
}
