/**
 * Fuzzy person matching across scripts: transliterate, compare names token by token, weigh date of
 * birth, nationality and gender, and explain the score. See README.md for method and thresholds.
 */
export { blockingKeys } from './blocking.ts';
export { parseBirthDate } from './facts.ts';
export { matchPersons, verdictFor } from './match.ts';
export { normaliseName } from './normalise.ts';
export { nameSimilarity } from './similarity.ts';
export type { MatchExplanation, PersonFacts, Verdict } from './types.ts';
export { THRESHOLDS } from './types.ts';
