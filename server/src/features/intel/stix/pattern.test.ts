import { describe, expect, it } from 'vitest';
import { comparisonToInput, parsePattern } from './pattern.ts';
import { inputFromKey } from './selectors.ts';

describe('parsePattern', () => {
  it('reads equality comparisons joined by OR, inside and across observations', () => {
    expect(parsePattern("[domain-name:value = 'a.com' OR ipv4-addr:value = '198.51.100.1']")).toEqual([
      { path: 'domain-name:value', value: 'a.com' },
      { path: 'ipv4-addr:value', value: '198.51.100.1' },
    ]);
    expect(parsePattern("[ url:value='x' ] or [phone-number:value = '+66 81 234 5678']")).toHaveLength(2);
    expect(parsePattern("[user-account:account_login = 'o\\'brien\\\\x']")).toEqual([
      { path: 'user-account:account_login', value: "o'brien\\x" },
    ]);
  });

  it.each([
    "[file:name = 'a' AND file:size = '1']",
    "[email-message:subject MATCHES '^x']",
    "[ipv4-addr:value = '1.2.3.4'] WITHIN 300 SECONDS",
    "[ipv4-addr:value != '1.2.3.4']",
    "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']",
    "[ipv4-addr:value = '1.2.3.4'",
    "ipv4-addr:value = '1.2.3.4'",
    "[ipv4-addr:value = '1.2.3.4]",
    '',
  ])('refuses %s with a reason', (pattern) => {
    expect(typeof parsePattern(pattern)).toBe('string');
  });

  it('maps object paths to selector kinds, and says when a path names none', () => {
    expect(comparisonToInput({ path: 'phone-number:value', value: '+66812345678' })).toEqual({
      kind: 'phone',
      value: '+66812345678',
    });
    expect(comparisonToInput({ path: 'x-cordon-selector:key', value: 'crypto:tron:TX' })).toEqual({
      kind: 'crypto',
      chain: 'tron',
      value: 'TX',
    });
    expect(comparisonToInput({ path: 'file:hashes.md5', value: 'ab' })).toBe(
      'file:hashes.md5 names no selector Cordon keeps',
    );
  });
});

describe('inputFromKey', () => {
  it('reads back every qualified key form', () => {
    expect(inputFromKey('handle:telegram:easyjobs')).toEqual({
      kind: 'handle',
      platform: 'telegram',
      value: 'easyjobs',
    });
    expect(inputFromKey('passport:TH:AA1234567')).toEqual({ kind: 'passport', country: 'TH', value: 'AA1234567' });
    expect(inputFromKey('bank-account:TH:004:1234567890')).toEqual({
      kind: 'bank-account',
      country: 'TH',
      bank: '004',
      value: '1234567890',
    });
    expect(inputFromKey('bank-account:TH:-:1234567890')).toEqual({
      kind: 'bank-account',
      country: 'TH',
      value: '1234567890',
    });
    expect(inputFromKey('url:https://a.com/x?y=1')).toEqual({ kind: 'url', value: 'https://a.com/x?y=1' });
    expect(inputFromKey('ip:2001:db8::1')).toEqual({ kind: 'ip', value: '2001:db8::1' });
    for (const bad of ['', 'phone', 'nope:1', 'crypto:dogecoin:x', 'handle:myspace:x', 'passport:TH'])
      expect(inputFromKey(bad), bad).toBeUndefined();
  });
});
