import { fail, ok } from './common.ts';
import type { NormaliseResult } from './types.ts';

// IMEI: 14 digits (TAC 8 + serial 6) + Luhn check digit. A 14-digit value is refused rather than
// completed: the check digit is what catches a mistyped digit. An IMEISV (16 digits: TAC + serial +
// 2-digit software version, no check digit) names the same handset, so it is reduced to the IMEI
// (check digit computed) and the software version kept in details.svn.

const LABEL = /^IMEI(?:SV)?[\s:]*/i;
const SEPARATORS = /[\s\-./]/g;
const DIGITS = /^\d+$/;

/** Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function normaliseImei(value: string): NormaliseResult {
  const digits = value.replace(LABEL, '').replace(SEPARATORS, '');
  if (!DIGITS.test(digits)) return fail('an IMEI contains only digits');
  const details: Record<string, string> = {};
  let imei: string;
  if (digits.length === 15) {
    if (luhnCheckDigit(digits.slice(0, 14)) !== digits.charCodeAt(14) - 48)
      return fail('IMEI check digit is wrong (Luhn)');
    imei = digits;
  } else if (digits.length === 16) {
    imei = `${digits.slice(0, 14)}${luhnCheckDigit(digits.slice(0, 14))}`;
    details.svn = digits.slice(14);
  } else {
    return fail(`an IMEI has 15 digits (or 16 for IMEISV), not ${digits.length}`);
  }
  details.tac = imei.slice(0, 8);
  const display = `${imei.slice(0, 2)}-${imei.slice(2, 8)}-${imei.slice(8, 14)}-${imei.slice(14)}`;
  return ok('imei', imei, display, details);
}
