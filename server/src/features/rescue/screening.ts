import { DETERMINATIONS, TRAFFICKING_INDICATORS, type TraffickingIndicator } from '@cordon/contracts';

/**
 * Victim identification screening: a checklist of trafficking and forced-labour indicators (ILO),
 * a documented determination and the non-punishment flag. Pure.
 */
export const INDICATORS = TRAFFICKING_INDICATORS;
export type Indicator = TraffickingIndicator;

/** Indicators that on their own point to coercion (the ILO "strong" indicators). */
const STRONG: readonly Indicator[] = [
  'confiscated-documents',
  'debt-bondage',
  'restricted-movement',
  'violence-or-threats',
  'deceptive-recruitment',
];

export { DETERMINATIONS };
export type Determination = (typeof DETERMINATIONS)[number];

export interface ScreeningResult {
  determination: Determination;
  /** people forced to commit crimes (fraud, immigration offences) must not be prosecuted for them */
  nonPunishment: boolean;
  /** why, one line each, for the record */
  reasons: string[];
}

/**
 * The determination from the indicators found: two strong indicators, or one strong indicator with
 * forced criminal activity, identify a victim; any indicator makes a presumed victim (treated as a
 * victim until decided otherwise); none: not identified. Non-punishment covers identified and
 * presumed victims.
 */
export function determine(found: readonly Indicator[]): ScreeningResult {
  const set = new Set(found);
  const strong = STRONG.filter((i) => set.has(i));
  const forced = set.has('forced-criminal-activity');
  const reasons: string[] = [];
  let determination: Determination;
  if (strong.length >= 2 || (strong.length >= 1 && forced)) {
    determination = 'identified-victim';
    reasons.push(`strong indicators: ${strong.join(', ')}${forced ? '; forced criminal activity' : ''}`);
  } else if (set.size > 0) {
    determination = 'presumed-victim';
    reasons.push(`indicators found: ${[...set].join(', ')} (not enough for an identification)`);
  } else {
    determination = 'not-identified';
    reasons.push('no indicator of trafficking found');
  }
  const nonPunishment = determination !== 'not-identified';
  if (nonPunishment)
    reasons.push(
      forced
        ? 'non-punishment: forced to commit offences (fraud) — must not be prosecuted for them'
        : 'non-punishment: not to be punished for offences committed as a victim (incl. immigration)',
    );
  return { determination, nonPunishment, reasons };
}
