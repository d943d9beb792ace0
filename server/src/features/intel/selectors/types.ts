/** Vocabulary shared by every selector normaliser. Re-exported from index.ts. */

import { CRYPTO_CHAINS, HANDLE_PLATFORMS, SELECTOR_KINDS } from '@cordon/contracts';

// The vocabulary is the API's (contracts/src/intel.ts): one list for the wire and the normalisers.
export { CRYPTO_CHAINS, HANDLE_PLATFORMS, SELECTOR_KINDS };
export type SelectorKind = (typeof SELECTOR_KINDS)[number];
export type HandlePlatform = (typeof HANDLE_PLATFORMS)[number];
export type CryptoChain = (typeof CRYPTO_CHAINS)[number];

export interface SelectorInput {
  kind: SelectorKind;
  value: string;
  /** ISO 3166-1 alpha-2. Default region for national phone numbers; required for passports, IDs,
   *  company registrations and bank accounts. */
  country?: string;
  /** For handles. Optional when the value is a link whose host names the platform (t.me/…). */
  platform?: HandlePlatform;
  /** For crypto. Auto-detected from the address format when absent. */
  chain?: CryptoChain;
  /** For bank accounts: the BIC/SWIFT code or national bank code of the account-holding bank. */
  bank?: string;
  /** For crypto: the token seen moving through the address (e.g. USDT). Context only, not in the key. */
  token?: string;
}

export interface Selector {
  /** Usually the input kind; a bank account that is really an IBAN comes back as 'iban'. */
  kind: SelectorKind;
  /** `${kind}:${value}` — globally unique; two records with the same key hold the same selector. */
  key: string;
  /** Pretty form for humans (not for matching). */
  display: string;
  /** Canonical value without the kind prefix (may carry a qualifier: 'tron:T…', 'TH:AA1234567'). */
  value: string;
  details: Record<string, string>;
}

export type NormaliseResult = { ok: true; selector: Selector } | { ok: false; reason: string };
