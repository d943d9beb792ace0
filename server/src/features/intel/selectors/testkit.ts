/** Table-driven test helpers for the selector tests (imported only by *.test.ts files). */
import { describe, expect, it } from 'vitest';
import { normaliseSelector, selectorKey } from './index.ts';
import type { NormaliseResult, SelectorInput, SelectorKind } from './types.ts';

export type Hints = Omit<SelectorInput, 'kind' | 'value'>;
/** A value alone, or a value with its hints (country, platform, chain, bank, token). */
export type Spelling = string | ({ value: string } & Hints);

export interface Tables {
  /** Input → expected key. */
  valid?: [Spelling, string][];
  /** Input → pattern the reason must match. */
  invalid?: [Spelling, RegExp][];
  /** Each group: every spelling must produce the same key. */
  same?: Spelling[][];
  /** Each group: every spelling is valid and all keys differ. */
  different?: Spelling[][];
}

export function normalise(kind: SelectorKind, spelling: Spelling): NormaliseResult {
  const input: SelectorInput = typeof spelling === 'string' ? { kind, value: spelling } : { kind, ...spelling };
  const result = normaliseSelector(input);
  // The key alone (the lookup's path) must give exactly the same key or reason, for every table row.
  expect(selectorKey(input), `selectorKey of ${JSON.stringify(spelling)}`).toEqual(
    result.ok ? { ok: true, key: result.selector.key } : { ok: false, reason: result.reason },
  );
  return result;
}

export function keyOf(kind: SelectorKind, spelling: Spelling): string {
  const result = normalise(kind, spelling);
  if (!result.ok) throw new Error(`${JSON.stringify(spelling)} was refused: ${result.reason}`);
  // The key is always the kind of the result plus its value.
  expect(result.selector.key).toBe(`${result.selector.kind}:${result.selector.value}`);
  return result.selector.key;
}

/**
 * Normalising a canonical value again (with the hints its key implies) must give the same key:
 * stored keys are re-read by other code (STIX export, re-imports).
 */
export function expectIdempotent(kind: SelectorKind, spelling: Spelling): void {
  const first = normalise(kind, spelling);
  if (!first.ok) throw new Error(`${JSON.stringify(spelling)} was refused: ${first.reason}`);
  const { selector } = first;
  const hints: Hints = typeof spelling === 'string' ? {} : { ...spelling };
  let value = selector.value;
  if (selector.kind === 'crypto' || selector.kind === 'handle') value = value.slice(value.indexOf(':') + 1);
  if (selector.kind === 'crypto') hints.chain = selector.details.chain as Hints['chain'];
  if (selector.kind === 'handle') hints.platform = selector.details.platform as Hints['platform'];
  if (selector.kind === 'bank-account') value = value.slice(value.lastIndexOf(':') + 1);
  if (selector.kind === 'passport' || selector.kind === 'national-id' || selector.kind === 'company-registration') {
    value = value.slice(value.indexOf(':') + 1);
  }
  const again = normalise(selector.kind, { ...hints, value });
  expect(again.ok && again.selector.key, `re-normalising ${value}`).toBe(selector.key);
}

export function reasonOf(kind: SelectorKind, spelling: Spelling): string {
  const result = normalise(kind, spelling);
  if (result.ok) throw new Error(`${JSON.stringify(spelling)} was accepted as ${result.selector.key}`);
  return result.reason;
}

const label = (s: Spelling): string => JSON.stringify(s);

export function selectorTables(kind: SelectorKind, tables: Tables): void {
  describe(`${kind}: normalisation tables`, () => {
    if (tables.valid?.length) {
      it.each(tables.valid.map(([s, key]) => [label(s), s, key] as const))('accepts %s', (_l, s, key) => {
        expect(keyOf(kind, s)).toBe(key);
        expectIdempotent(kind, s);
      });
    }
    if (tables.invalid?.length) {
      it.each(tables.invalid.map(([s, reason]) => [label(s), s, reason] as const))('refuses %s', (_l, s, reason) => {
        expect(reasonOf(kind, s)).toMatch(reason);
      });
    }
    if (tables.same?.length) {
      it.each(tables.same.map((group) => [group.map(label).join(' = '), group] as const))('meets: %s', (_l, group) => {
        const keys = group.map((s) => keyOf(kind, s));
        expect(new Set(keys).size, keys.join(', ')).toBe(1);
      });
    }
    if (tables.different?.length) {
      it.each(tables.different.map((group) => [group.map(label).join(' ≠ '), group] as const))(
        'keeps apart: %s',
        (_l, group) => {
          const keys = group.map((s) => keyOf(kind, s));
          expect(new Set(keys).size, keys.join(', ')).toBe(keys.length);
        },
      );
    }
  });
}
