import { Decimal } from 'decimal.js';

/**
 * Exact money. Amounts travel as decimal strings with a currency or token code and are computed
 * with decimal.js (never a float). Fiat codes and their minor units come from the runtime's ISO 4217
 * table (Intl); tokens are listed here with their on-chain decimals and the chains they move on.
 */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
export type Dec = InstanceType<typeof D>;

export interface TokenInfo {
  decimals: number;
  chains: readonly ('bitcoin' | 'ethereum' | 'tron')[];
}

export const TOKENS: Readonly<Record<string, TokenInfo>> = {
  BTC: { decimals: 8, chains: ['bitcoin'] },
  ETH: { decimals: 18, chains: ['ethereum'] },
  USDT: { decimals: 6, chains: ['ethereum', 'tron'] },
  USDC: { decimals: 6, chains: ['ethereum', 'tron'] },
  DAI: { decimals: 18, chains: ['ethereum'] },
  TRX: { decimals: 6, chains: ['tron'] },
};

const FIAT = new Set(Intl.supportedValuesOf('currency'));
const scaleCache = new Map<string, number>();

/** Decimal places the currency or token allows, or null when the code is unknown. */
export function currencyScale(code: string): number | null {
  const token = Object.hasOwn(TOKENS, code) ? TOKENS[code] : undefined;
  if (token) return token.decimals;
  if (!/^[A-Z]{3}$/.test(code) || !FIAT.has(code)) return null;
  let scale = scaleCache.get(code);
  if (scale === undefined) {
    scale =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    scaleCache.set(code, scale);
  }
  return scale;
}

export const isToken = (code: string) => Object.hasOwn(TOKENS, code);

const AMOUNT = /^(0|[1-9]\d{0,29})(\.\d+)?$/;

export type AmountResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Validates a positive amount written as a plain decimal string in its currency: no sign, no
 * exponent, no more decimals than the currency allows. Returns the canonical form (no trailing zeros).
 */
export function parseAmount(value: unknown, currency: string, options: { allowZero?: boolean } = {}): AmountResult {
  const scale = currencyScale(currency);
  if (scale === null) return { ok: false, reason: `unknown currency or token '${currency}'` };
  if (typeof value !== 'string') return { ok: false, reason: 'amount must be a decimal string' };
  const v = value.trim();
  if (v.startsWith('-')) return { ok: false, reason: 'amount must not be negative' };
  if (!AMOUNT.test(v)) return { ok: false, reason: 'amount must be a plain decimal number such as 1250.50' };
  const decimals = v.includes('.') ? v.length - v.indexOf('.') - 1 : 0;
  const d = new D(v);
  if (decimals > scale && !d.equals(d.toDecimalPlaces(scale))) {
    return { ok: false, reason: `${currency} allows at most ${scale} decimal places` };
  }
  if (d.isZero() && !options.allowZero) return { ok: false, reason: 'amount must be greater than zero' };
  return { ok: true, value: canonical(d) };
}

/** Plain decimal string without exponent or trailing zeros. */
export function canonical(d: Dec | string): string {
  const x = typeof d === 'string' ? new D(d) : d;
  return x.toFixed();
}

/** Rounds to the currency's scale (half-even) and writes it plainly. */
export function toScale(d: Dec, currency: string): string {
  const scale = currencyScale(currency) ?? 18;
  return d.toDecimalPlaces(scale, D.ROUND_HALF_EVEN).toFixed();
}

/**
 * Splits `total` into parts proportional to `weights`, exact to the currency's `scale`: each part is
 * floored to whole minor units and the units left over go, one each, to the largest remainders
 * (ties by input order). The parts always sum to `total` exactly; a zero weight gets zero.
 */
export function splitProRata(total: string, weights: readonly string[], scale: number): string[] {
  const unit = new D(10).pow(scale);
  const totalUnits = new D(total).times(unit);
  if (!totalUnits.isInteger() || totalUnits.isNegative())
    throw new RangeError(`total ${total} is not a non-negative amount at scale ${scale}`);
  const w = weights.map((x) => new D(x));
  if (w.some((x) => x.isNegative())) throw new RangeError('weights must not be negative');
  const sum = w.reduce((a, b) => a.plus(b), new D(0));
  if (sum.isZero()) {
    if (totalUnits.isZero()) return weights.map(() => '0');
    throw new RangeError('cannot split a positive total over zero weights');
  }
  const exact = w.map((x) => totalUnits.times(x).div(sum));
  const floors = exact.map((x) => x.floor());
  let left = totalUnits.minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floors[i]!) }))
    .filter((r) => !w[r.i]!.isZero())
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const r of order) {
    if (left <= 0) break;
    floors[r.i] = floors[r.i]!.plus(1);
    left--;
  }
  return floors.map((u) => u.div(unit).toFixed());
}
