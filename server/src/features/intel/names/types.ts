import type { ReasonCode } from '@cordon/contracts';

export interface PersonFacts {
  /** primary name first, then aliases, any script */
  names: string[];
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' */
  dateOfBirth?: string;
  /** when only an age estimate is known */
  birthYearRange?: [number, number];
  /** ISO 3166-1 alpha-2 */
  nationalities?: string[];
  gender?: 'female' | 'male' | 'other' | 'unknown';
}

export type Verdict = 'strong' | 'possible' | 'weak' | 'no-match';

export interface MatchExplanation {
  /** 0..1 */
  score: number;
  verdict: Verdict;
  /** plain English, one fact each */
  reasons: string[];
  /** facts that speak against the match */
  conflicts: string[];
  /** `reasons` then `conflicts` as codes with parameters (the text above is their English) */
  codes: ReasonCode[];
  /** the names (as written) that matched best */
  bestNamePair: [string, string];
}

/** Verdict thresholds on the final score. */
export const THRESHOLDS = { strong: 0.9, possible: 0.75, weak: 0.6 } as const;

/** One piece of evidence besides the name: a score adjustment and what to tell the analyst. */
export interface Evidence {
  adjust: number;
  reason?: ReasonCode;
  conflict?: ReasonCode;
  /** the evidence rules the match out as more than 'weak' */
  capAtWeak?: boolean;
}
