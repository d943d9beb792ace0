import { describe, expect, it } from 'vitest';
import { isSubsequence, jaro, jaroWinkler, levenshteinSimilarity } from './jaro-winkler.ts';

describe('Jaro-Winkler', () => {
  // reference values from Winkler (1990) and the usual worked examples
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['jones', 'johnson', 0.8323],
    ['wattana', 'wattaba', 0.9429],
  ])('jaroWinkler(%s, %s) = %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('gives 1 for equal strings and 0 when nothing matches or a side is empty', () => {
    expect(jaroWinkler('somchai', 'somchai')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('wei', 'fang')).toBe(0);
  });

  it('boosts the common prefix only above 0.7 Jaro', () => {
    const plain = jaro('abcxyzuv', 'abcqrstw');
    expect(plain).toBeLessThan(0.7);
    expect(jaroWinkler('abcxyzuv', 'abcqrstw')).toBe(plain);
  });

  it('handles tokens longer than the scratch buffers', () => {
    const long = 'a'.repeat(70);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
  });
});

describe('levenshteinSimilarity and isSubsequence', () => {
  it('scales the edit distance by the longer length', () => {
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 5);
    expect(levenshteinSimilarity('an', 'anh')).toBeCloseTo(2 / 3, 5);
    expect(levenshteinSimilarity('', 'x')).toBe(0);
  });

  it('finds a vowel-less spelling inside the full one', () => {
    expect(isSubsequence('mhmd', 'muhamad')).toBe(true);
    expect(isSubsequence('hsn', 'hasan')).toBe(true);
    expect(isSubsequence('hsn', 'nash')).toBe(false);
  });
});
