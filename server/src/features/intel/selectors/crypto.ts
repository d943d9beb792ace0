import { BITCOIN_SHAPE, type ParsedAddress, parseBitcoin } from './bitcoin.ts';
import { fail, ok } from './common.ts';
import { parseEthereum } from './ethereum.ts';
import { parseTron, TRON_HEX_SHAPE, TRON_SHAPE } from './tron.ts';
import { CRYPTO_CHAINS, type CryptoChain, type NormaliseResult, type SelectorInput } from './types.ts';

// Keys: crypto:bitcoin:<address> (bech32 lower-case, Base58 as is), crypto:ethereum:<EIP-55>,
// crypto:tron:<Base58 T…>. The chain is part of the key: the same string cannot be valid on two of
// these chains, but an explicit chain keeps keys readable and future chains (e.g. Solana, whose
// Base58 addresses overlap with nothing here yet) safe.

const PARSERS: Record<CryptoChain, (text: string) => ParsedAddress | string> = {
  bitcoin: parseBitcoin,
  ethereum: parseEthereum,
  tron: parseTron,
};
const CHAIN_NAMES: ReadonlySet<string> = new Set(CRYPTO_CHAINS);
const ETH_PREFIX = /^0x/i;
const TOKEN = /^[A-Za-z0-9.$-]{1,20}$/;

/** Chain implied by the address format alone; validation is left to the chain's parser. */
export function detectChain(text: string): CryptoChain | undefined {
  if (TRON_SHAPE.test(text) || TRON_HEX_SHAPE.test(text)) return 'tron';
  if (ETH_PREFIX.test(text)) return 'ethereum';
  if (BITCOIN_SHAPE.test(text)) return 'bitcoin';
  return undefined;
}

export function normaliseCrypto(value: string, input: SelectorInput): NormaliseResult {
  let chain = input.chain;
  if (chain !== undefined && !CHAIN_NAMES.has(chain)) {
    return fail(`unsupported chain '${chain}' (supported: ${CRYPTO_CHAINS.join(', ')})`);
  }
  chain ??= detectChain(value);
  if (chain === undefined) {
    return fail(`not a recognised crypto address (supported: ${CRYPTO_CHAINS.join(', ')})`);
  }
  const parsed = PARSERS[chain](value);
  if (typeof parsed === 'string') return fail(parsed);
  const details: Record<string, string> = { chain, type: parsed.type };
  if (input.token !== undefined && input.token !== '') {
    if (!TOKEN.test(input.token)) return fail(`invalid token symbol '${input.token}'`);
    details.token = input.token.toUpperCase();
  }
  return ok('crypto', `${chain}:${parsed.address}`, parsed.address, details);
}
