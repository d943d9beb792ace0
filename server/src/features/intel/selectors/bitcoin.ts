import { bech32, bech32m } from '@scure/base';
import { decodeBase58check } from './base58check.ts';

// Bitcoin mainnet addresses only. Testnet/regtest addresses are refused: they carry no value, so
// they cannot be proceeds of fraud, and mixing them in would only create false matches.

export interface ParsedAddress {
  address: string;
  type: string;
}

const LEGACY_TYPES: Record<number, string> = { 0: 'p2pkh', 5: 'p2sh' };
const TESTNET_VERSIONS: ReadonlySet<number> = new Set([0x6f, 0xc4]);
const TESTNET_HRP = /^(?:tb|bcrt)1/i;
const MAINNET_HRP = /^bc1/i;

function parseLegacy(text: string): ParsedAddress | string {
  const payload = decodeBase58check(text);
  if (!payload) return 'not a valid Bitcoin address (bad Base58Check checksum or characters)';
  const version = payload[0] ?? -1;
  if (TESTNET_VERSIONS.has(version)) return 'Bitcoin testnet address (only mainnet addresses are accepted)';
  const type = LEGACY_TYPES[version];
  if (!type || payload.length !== 21) return 'not a Bitcoin address (unknown version byte or length)';
  return { address: text, type };
}

// BIP-173 (bech32, witness v0) and BIP-350 (bech32m, witness v1+). All-upper-case is valid (QR
// codes use it); mixed case is not. The canonical form is lower case.
function parseSegwit(text: string): ParsedAddress | string {
  const lower = text.toLowerCase();
  if (text !== lower && text !== text.toUpperCase()) return 'Bitcoin bech32 address in mixed case is invalid';
  // No string is valid in both variants, so at most one decode succeeds.
  const v0 = bech32.decodeUnsafe(lower, 90);
  const decoded = v0 ?? bech32m.decodeUnsafe(lower, 90);
  if (decoded?.prefix !== 'bc') return 'not a valid Bitcoin address (bad bech32 checksum or characters)';
  const version = decoded.words[0] ?? -1;
  if (version > 16) return 'not a valid Bitcoin address (witness version above 16)';
  if ((version === 0) !== (decoded === v0)) {
    return 'not a valid Bitcoin address (witness v0 needs a bech32 checksum, v1+ a bech32m checksum)';
  }
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program || program.length < 2 || program.length > 40) return 'not a valid Bitcoin address (bad witness program)';
  if (version === 0) {
    if (program.length === 20) return { address: lower, type: 'p2wpkh' };
    if (program.length === 32) return { address: lower, type: 'p2wsh' };
    return 'not a valid Bitcoin address (witness v0 program must be 20 or 32 bytes)';
  }
  return { address: lower, type: version === 1 && program.length === 32 ? 'p2tr' : `witness-v${version}` };
}

export function parseBitcoin(text: string): ParsedAddress | string {
  if (TESTNET_HRP.test(text)) return 'Bitcoin testnet address (only mainnet addresses are accepted)';
  return MAINNET_HRP.test(text) ? parseSegwit(text) : parseLegacy(text);
}

/** Cheap shape test used for chain auto-detection; parseBitcoin does the real validation. */
export const BITCOIN_SHAPE = /^(?:[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc|tb|bcrt)1[0-9a-z]{8,87})$/i;
