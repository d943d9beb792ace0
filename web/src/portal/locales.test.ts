import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fil from './locales/fil.json';
import hi from './locales/hi.json';
import id from './locales/id.json';
import th from './locales/th.json';
import vi from './locales/vi.json';
import zh from './locales/zh-Hans.json';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** Strings that are the same in every language (names, codes, loanwords). */
const SAME_OK = new Set([
  'app.name',
  'report.channel.sms',
  'report.channel.email',
  'report.kind.email',
  'nav.home',
  'nav.privacy',
  'report.channel.social-media',
  'report.channel.messaging-app',
  'report.channel.dating',
  'report.type.shopping',
  'report.kind.crypto',
  'report.kind.bank-account',
  'help.kind.hotline',
  'help.kind.shelter',
  'report.type.investment-crypto',
]);

describe('portal strings in English (the reference)', () => {
  it('has no empty string', () => {
    expect(
      Object.entries(en)
        .filter(([, v]) => v.trim() === '')
        .map(([k]) => k),
    ).toEqual([]);
  });
});

describe.each([
  ['id', id],
  ['vi', vi],
  ['th', th],
  ['fil', fil],
  ['zh-Hans', zh],
  ['hi', hi],
] as const)('portal strings in %s', (_lang, dict) => {
  it('has exactly the English keys, keeps every placeholder, and has no empty string', () => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const theirs = (dict as Record<string, string>)[k] ?? '';
      expect(theirs.trim(), k).not.toBe('');
      expect(placeholders(theirs), k).toEqual(placeholders(v));
    }
  });
  it('is translated (not English copied over)', () => {
    const copied = Object.entries(en).filter(
      ([k, v]) => !SAME_OK.has(k) && (dict as Record<string, string>)[k] === v && v.length > 12,
    );
    expect(copied.map(([k]) => k)).toEqual([]);
  });
});
