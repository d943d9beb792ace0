/**
 * Selector normalisation: every phone number, e-mail address, domain, URL, wallet, account,
 * handle, IP address, IMEI and document number is validated and reduced to one canonical key, so
 * that two agencies holding the same selector meet. Invalid input is refused with a reason.
 * See README.md for the canonical forms.
 */
import { normaliseBankAccount } from './bank-account.ts';
import { clean, fail, MAX_INPUT_LENGTH } from './common.ts';
import { normaliseCrypto } from './crypto.ts';
import { normaliseDocument } from './documents.ts';
import { normaliseDomain } from './domain.ts';
import { normaliseEmail } from './email.ts';
import { normaliseHandle } from './handle.ts';
import { normaliseIban } from './iban.ts';
import { normaliseImei } from './imei.ts';
import { normaliseIp } from './ip.ts';
import { normalisePhone, phoneKey } from './phone.ts';
import type { NormaliseResult, SelectorInput, SelectorKind } from './types.ts';
import { normaliseUrl } from './url.ts';

export {
  CRYPTO_CHAINS,
  type CryptoChain,
  HANDLE_PLATFORMS,
  type HandlePlatform,
  type NormaliseResult,
  SELECTOR_KINDS,
  type Selector,
  type SelectorInput,
  type SelectorKind,
} from './types.ts';

type Normaliser = (value: string, input: SelectorInput) => NormaliseResult;

const NORMALISERS: Record<SelectorKind, Normaliser> = {
  phone: normalisePhone,
  email: normaliseEmail,
  domain: normaliseDomain,
  url: normaliseUrl,
  crypto: normaliseCrypto,
  'bank-account': normaliseBankAccount,
  iban: normaliseIban,
  handle: normaliseHandle,
  ip: normaliseIp,
  imei: normaliseImei,
  passport: (value, input) => normaliseDocument('passport', value, input),
  'national-id': (value, input) => normaliseDocument('national-id', value, input),
  'company-registration': (value, input) => normaliseDocument('company-registration', value, input),
};

// Shared failure objects for the cheap checks: results are read-only, so they need not be fresh.
const EMPTY = fail('empty value');
const NOT_A_STRING = fail('value must be a string');
const TOO_LONG = fail(`value longer than ${MAX_INPUT_LENGTH} characters`);

export function normaliseSelector(input: SelectorInput): NormaliseResult {
  // Own-property check: a kind such as 'constructor' must not reach Object.prototype.
  const normalise = Object.hasOwn(NORMALISERS, input.kind) ? NORMALISERS[input.kind] : undefined;
  if (normalise === undefined) return fail(`unknown selector kind '${String(input.kind)}'`);
  if (typeof input.value !== 'string') return NOT_A_STRING;
  if (input.value.length > MAX_INPUT_LENGTH) return TOO_LONG;
  const value = clean(input.value);
  if (value === '') return EMPTY;
  return normalise(value, input);
}

export type KeyResult = { ok: true; key: string } | { ok: false; reason: string };

/**
 * The canonical key alone, or the reason there is none: exactly `normaliseSelector(input)`'s key
 * and reason (a test holds them equal), for hit/no-hit answers, which need nothing else. Phone
 * numbers skip the number type and the display, which cost as much again as the parse.
 */
export function selectorKey(input: SelectorInput): KeyResult {
  if (input.kind !== 'phone' || typeof input.value !== 'string' || input.value.length > MAX_INPUT_LENGTH) {
    const r = normaliseSelector(input);
    return r.ok ? { ok: true, key: r.selector.key } : r;
  }
  const value = clean(input.value);
  return value === '' ? { ok: false, reason: 'empty value' } : phoneKey(value, input);
}

/**
 * Normalises a batch (bulk import). Results are in input order, one per input. No work is shared
 * across inputs beyond module-level constants, so batches can be cut and run on worker threads.
 */
export function normaliseMany(inputs: readonly SelectorInput[]): NormaliseResult[] {
  const results = new Array<NormaliseResult>(inputs.length);
  for (let i = 0; i < inputs.length; i++) results[i] = normaliseSelector(inputs[i]!);
  return results;
}
