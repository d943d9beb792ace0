import { hex } from '@scure/base';
import { base58check, decodeBase58check } from './base58check.ts';
import type { ParsedAddress } from './bitcoin.ts';

// TRON addresses are Base58Check of 0x41 + 20-byte account hash, so they start with 'T' and are 34
// characters long. TRON APIs also show the hex form "41…" (42 hex digits), converted here to Base58.

export const TRON_SHAPE = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
export const TRON_HEX_SHAPE = /^(?:0x)?41[0-9a-fA-F]{40}$/;

export function parseTron(text: string): ParsedAddress | string {
  if (TRON_HEX_SHAPE.test(text)) {
    const bytes = hex.decode((text.startsWith('0x') ? text.slice(2) : text).toLowerCase());
    return { address: base58check.encode(bytes), type: 'account' };
  }
  if (!TRON_SHAPE.test(text)) return "not a TRON address (34 characters starting with 'T', or 41 + 40 hex digits)";
  const payload = decodeBase58check(text);
  if (!payload) return 'not a valid TRON address (bad Base58Check checksum)';
  if (payload.length !== 21 || payload[0] !== 0x41) return 'not a TRON address (wrong version byte or length)';
  return { address: text, type: 'account' };
}
