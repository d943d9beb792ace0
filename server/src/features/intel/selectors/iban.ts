import {
  countrySpecs,
  electronicFormatIBAN,
  extractIBAN,
  friendlyFormatIBAN,
  ValidationErrorsIBAN,
  validateIBAN,
} from 'ibantools';
import { fail, ok } from './common.ts';
import type { NormaliseResult } from './types.ts';

// ibantools knows every country's IBAN length and BBAN pattern (SWIFT IBAN registry) and, for some
// countries, the national check digits inside the BBAN. Key: electronic format (no spaces, upper
// case); display: print format in groups of four.

const IBAN_LABEL = /^IBAN[\s:]*/i;
const IBAN_TEXT = /^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 -]+$/;

const ERRORS: Record<number, string> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'empty IBAN',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown IBAN country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong length for the country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'account part (BBAN) has the wrong format for the country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check digits are not a number',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'wrong check digits (mod-97)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'wrong national check digits',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

/** True for countries that use IBANs (per ibantools' registry). */
export function isIbanCountry(country: string): boolean {
  return countrySpecs[country]?.chars != null;
}

export function normaliseIban(value: string): NormaliseResult {
  const text = value.replace(IBAN_LABEL, '');
  if (!IBAN_TEXT.test(text)) return fail('not an IBAN (country code, two check digits, then letters and digits)');
  const electronic = electronicFormatIBAN(text);
  if (!electronic) return fail('empty IBAN');
  // extractIBAN validates too; the separate validateIBAN call (for the reasons) is only paid on failure.
  const parts = extractIBAN(electronic);
  if (!parts.valid) {
    const problems = validateIBAN(electronic).errorCodes.map((code) => ERRORS[code] ?? `error ${code}`);
    return fail(`not a valid IBAN: ${problems.join('; ')}`);
  }
  const details: Record<string, string> = {
    country: parts.countryCode ?? electronic.slice(0, 2),
    bban: parts.bban ?? '',
  };
  if (parts.bankIdentifier) details.bank = parts.bankIdentifier;
  if (parts.branchIdentifier) details.branch = parts.branchIdentifier;
  if (parts.accountNumber) details.account = parts.accountNumber;
  return ok('iban', electronic, friendlyFormatIBAN(electronic) ?? electronic, details);
}
