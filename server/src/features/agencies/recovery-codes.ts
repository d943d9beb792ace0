import { randomInt } from 'node:crypto';
import { hashToken } from '../../platform/crypto/secrets.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7pm-x2qa-9df4`; shown once, stored as hashes. */
export function newRecoveryCodes(n: number): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: n }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    ).join('-'),
  );
  return { codes, hashes: codes.map((c) => hashToken(normaliseRecoveryCode(c))) };
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
