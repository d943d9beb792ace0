import { extractBIC, isValidBIC } from 'ibantools';
import { fail, ok, requireCountry } from './common.ts';
import { isIbanCountry, normaliseIban } from './iban.ts';
import type { NormaliseResult, SelectorInput } from './types.ts';

// A national account number is only unique within its country, and in most countries only within
// its bank, so the key is bank-account:<country>:<bank or ->:<account>. An account entered without
// its bank therefore does NOT meet the same account entered with it: matching them would join
// different people's accounts in countries where numbers repeat across banks.
// `bank` may be a BIC (validated by ibantools; the primary-office suffix XXX is dropped, so
// KASITHBKXXX and KASITHBK meet) or a national bank code (e.g. Thai '004'), kept as given.
// If the value is really a valid IBAN, the IBAN selector is returned instead: an IBAN is globally
// unique and is the form other agencies will hold.

const SEPARATORS = /[\s.\-/]/g;
const ACCOUNT = /^[A-Z0-9]{4,34}$/;
const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
const BANK_CODE = /^[A-Z0-9]{1,12}$/;
const IBAN_START = /^[A-Za-z]{2}\d{2}[\sA-Za-z0-9-]{8,}$/;

function normaliseBank(raw: string, country: string): { bank: string; details: Record<string, string> } | string {
  const bank = raw.replace(SEPARATORS, '').toUpperCase();
  if (BIC_SHAPE.test(bank)) {
    if (!isValidBIC(bank)) return `invalid BIC '${raw}'`;
    const parts = extractBIC(bank);
    if (parts.countryCode !== country) return `BIC ${bank} belongs to ${parts.countryCode}, not ${country}`;
    const bic = bank.length === 11 && bank.endsWith('XXX') ? bank.slice(0, 8) : bank;
    return { bank: bic, details: { bic } };
  }
  if (!BANK_CODE.test(bank)) return `invalid bank code '${raw}' (a BIC or a national bank code of letters and digits)`;
  return { bank, details: { bankCode: bank } };
}

export function normaliseBankAccount(value: string, input: SelectorInput): NormaliseResult {
  // Something shaped like an IBAN of an IBAN country is judged as an IBAN: a mistyped IBAN must be
  // refused, not accepted as a national number that would never meet the real one.
  if (IBAN_START.test(value) && isIbanCountry(value.slice(0, 2).toUpperCase())) {
    return normaliseIban(value);
  }
  const country = requireCountry(input.country, 'a bank account number');
  if ('reason' in country) return fail(country.reason);
  const account = value.replace(SEPARATORS, '').toUpperCase();
  if (!ACCOUNT.test(account))
    return fail('invalid account number (4–34 letters and digits after removing spaces and dashes)');
  let bank = '-';
  const details: Record<string, string> = { country: country.code, account };
  if (input.bank !== undefined && input.bank.trim() !== '') {
    const parsed = normaliseBank(input.bank.trim(), country.code);
    if (typeof parsed === 'string') return fail(parsed);
    bank = parsed.bank;
    Object.assign(details, parsed.details);
  }
  const display = bank === '-' ? `${account} (${country.code})` : `${account} (${bank}, ${country.code})`;
  return ok('bank-account', `${country.code}:${bank}:${account}`, display, details);
}
