import { describe, expect, it } from 'vitest';
import { resources } from './resources.ts';

const { en, fr, es } = resources;

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
/** Plural forms differ by language (French and Spanish add `_many`); compare the base keys. */
const base = (list: string[]) => [...new Set(list.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const get = (obj: object, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

describe.each([
  ['fr', fr],
  ['es', es],
])('%s translation', (_lng, dict) => {
  it('has exactly the English keys', () => {
    expect(base(keys(dict))).toEqual(base(keys(en)));
  });
  it('keeps every {{placeholder}} of the English string', () => {
    for (const key of keys(en)) {
      const theirs = get(dict, key);
      if (typeof theirs === 'string') expect(placeholders(theirs), key).toEqual(placeholders(get(en, key) as string));
    }
  });
  it('has no empty string', () => {
    for (const key of keys(dict)) expect((get(dict, key) as string).trim(), key).not.toBe('');
  });
});
