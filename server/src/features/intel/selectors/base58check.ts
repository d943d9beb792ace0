import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';

/** Base58Check (double SHA-256 checksum) as used by Bitcoin and TRON; decode() throws on bad input. */
export const base58check = createBase58check(sha256);

/** Decoded payload (version byte + hash), or undefined for bad characters or a wrong checksum. */
export function decodeBase58check(text: string): Uint8Array | undefined {
  try {
    return base58check.decode(text);
  } catch {
    return undefined;
  }
}
