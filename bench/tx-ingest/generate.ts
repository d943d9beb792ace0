/**
 * The synthetic transaction file of bench/tx-ingest: one CSV mixing blockchain transfer exports
 * and bank suspicious-transaction rows, as an FIU would merge them, deterministic from a seed.
 *
 * Columns: row_key,hash,log_index,from,to,amount,currency,time,chain,victim_ref,victim_country
 *  - 60% TRC-20 USDT on TRON (Base58 T… addresses, 6 decimals), 15% ERC-20 USDT and 5% ETH on
 *    Ethereum (lower-case 0x addresses; ETH with up to 18 decimals): hash + log index, Unix seconds;
 *  - 20% bank rows (IBAN to IBAN, EUR with 2 decimals, a row key, ISO 8601 times), 1 in 10 a
 *    victim's payment with the victim's reference and country;
 *  - 1 row in `badEvery` is wrong (too many decimals, a broken IBAN or a negative amount): the
 *    import must report it with its row and go on.
 * Senders and receivers come from a pool of accounts with a skewed activity (a few busy
 * collection and exchange accounts, many quiet ones).
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { canonicalAccount } from '../../server/src/features/finance/accounts.ts';
import { ethHex, germanIban, tronHex } from '../../server/src/features/finance/synthetic.ts';
import { mulberry32 } from '../../server/src/platform/prng.ts';

export const CSV_HEADER = 'row_key,hash,log_index,from,to,amount,currency,time,chain,victim_ref,victim_country';

export interface GenerateOptions {
  rows: number;
  /** Accounts in the pool (split 60% TRON, 25% Ethereum, 15% IBAN). */
  accounts: number;
  seed: number;
  /** One bad row in this many (0: none). */
  badEvery: number;
}

/** The shared seeded PRNG (platform/prng.ts), by the name this module's callers use. */
export const prng = mulberry32;

interface Pool {
  tron: string[];
  eth: string[];
  iban: string[];
}

function pool(o: GenerateOptions): Pool {
  const n = (share: number) => Math.max(2, Math.round(o.accounts * share));
  const tron = Array.from({ length: n(0.6) }, (_, i) => {
    const c = canonicalAccount({ type: 'crypto', value: tronHex(`bench:${o.seed}:${i}`) });
    if (!c.ok) throw new Error(c.reason);
    return c.account.display;
  });
  const eth = Array.from({ length: n(0.25) }, (_, i) => ethHex(`bench:${o.seed}:${i}`));
  const iban = Array.from({ length: n(0.15) }, (_, i) => germanIban(`bench:${o.seed}:${i}`));
  return { tron, eth, iban };
}

const hex64 = (r: () => number) => {
  let s = '';
  for (let i = 0; i < 8; i++)
    s += Math.floor(r() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s;
};

/** The data lines (no header), in chunks of up to `chunkRows` lines joined with line breaks. */
export function* csvChunks(o: GenerateOptions, chunkRows = 10_000): Generator<string> {
  const r = prng(o.seed);
  const p = pool(o);
  // Skewed: low indexes are the busy accounts.
  const pick = (xs: string[]) => xs[Math.floor(xs.length * r() * r())] as string;
  const start = Date.UTC(2026, 0, 1) / 1000;
  const year = 365 * 86400;
  let lines: string[] = [];
  for (let i = 1; i <= o.rows; i++) {
    const kind = r();
    const at = start + Math.floor(r() * year);
    const bad = o.badEvery > 0 && i % o.badEvery === 0;
    let line: string;
    if (kind < 0.6) {
      const amount = (r() * 5000 + 0.01).toFixed(6);
      line = `,${hex64(r)},0,${pick(p.tron)},${pick(p.tron)},${bad ? `${amount}1` : amount},USDT,${at},tron,,`;
    } else if (kind < 0.8) {
      const eth = kind >= 0.75;
      const amount = eth
        ? `${Math.floor(r() * 40)}.${Math.floor(r() * 1e9)}${Math.floor(r() * 1e9)}`
        : (r() * 20000).toFixed(6);
      line = `,0x${hex64(r)},${Math.floor(r() * 200)},${pick(p.eth)},${pick(p.eth)},${bad ? `-${amount}` : amount},${eth ? 'ETH' : 'USDT'},${at},ethereum,,`;
    } else {
      const victim = r() < 0.1;
      const to = pick(p.iban);
      const from = victim ? germanIban(`victim:${o.seed}:${i}`) : pick(p.iban);
      const time = new Date(at * 1000).toISOString();
      line = `STR-${o.seed}-${i},,,${from},${bad ? `${to.slice(0, -1)}${(Number(to.slice(-1)) + 1) % 10}` : to},${(r() * 9000 + 1).toFixed(2)},EUR,${time},,${victim ? `V-${i},${['TH', 'PH', 'KE', 'BR', 'IN', 'VN'][i % 6]}` : ','}`;
    }
    lines.push(line);
    if (lines.length >= chunkRows) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

/** Writes the file (header and rows); returns its size in bytes. */
export async function writeCsv(file: string, o: GenerateOptions): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${CSV_HEADER}\n`);
  for (const chunk of csvChunks(o)) await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** The first `n` lines of a file with their line breaks, reading only as far as needed. */
export async function firstLines(file: string, n: number): Promise<string> {
  const chunks: string[] = [];
  let lines = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const text = String(chunk);
    let at = text.indexOf('\n');
    while (at !== -1 && lines < n - 1) {
      lines++;
      at = text.indexOf('\n', at + 1);
    }
    if (at !== -1) {
      chunks.push(text.slice(0, at + 1));
      return chunks.join('');
    }
    chunks.push(text);
  }
  return chunks.join('');
}
