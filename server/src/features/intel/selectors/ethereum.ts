import { getAddress } from 'viem/utils';
import type { ParsedAddress } from './bitcoin.ts';

// EIP-55. An address in one case (all lower or all upper hex) carries no checksum and is accepted;
// a mixed-case address claims a checksum, and a wrong one means a typo, so it is refused.
// The canonical form is the checksummed address. The same address format is used by every EVM
// chain (BNB Smart Chain, Polygon, Arbitrum …): the key does not tell them apart, and should not,
// because one private key controls the address on all of them.

export const ETHEREUM_SHAPE = /^0[xX][0-9a-fA-F]{40}$/;
const HAS_LOWER = /[a-f]/;
const HAS_UPPER = /[A-F]/;

export function parseEthereum(text: string): ParsedAddress | string {
  if (!ETHEREUM_SHAPE.test(text)) return 'not an Ethereum address (0x followed by 40 hexadecimal digits)';
  const hex = text.slice(2);
  // viem's getAddress does not verify an existing checksum (it recomputes one); we compare.
  const checksummed = getAddress(`0x${hex.toLowerCase()}`);
  if (HAS_LOWER.test(hex) && HAS_UPPER.test(hex) && checksummed.slice(2) !== hex) {
    return 'Ethereum address has a wrong EIP-55 checksum (mixed case that does not match)';
  }
  return { address: checksummed, type: 'account' };
}
