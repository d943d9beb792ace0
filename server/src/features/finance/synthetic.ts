import { createHash } from 'node:crypto';
import { electronicFormatIBAN } from 'ibantools';

/** Deterministic, valid-looking accounts for tests, the demo and the benchmark (not real accounts). */
const hex40 = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 40);

/** A TRON address in hex form (41 + 20 bytes); the selector normaliser turns it into Base58 T…. */
export const tronHex = (seed: string) => `41${hex40(`tron:${seed}`)}`;
/** An Ethereum address in lower case (accepted; keyed in EIP-55). */
export const ethHex = (seed: string) => `0x${hex40(`eth:${seed}`)}`;

/** A German IBAN with a valid check: 8-digit bank code + 10-digit account from the seed. */
export function germanIban(seed: string): string {
  const digits = BigInt(`0x${hex40(`iban:${seed}`)}`)
    .toString()
    .padStart(18, '0')
    .slice(-18);
  const bban = digits;
  const rearranged = `${bban}131400`;
  const check = 98n - (BigInt(rearranged) % 97n);
  return electronicFormatIBAN(`DE${check.toString().padStart(2, '0')}${bban}`) ?? '';
}
