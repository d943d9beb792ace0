import { describe, expect, it } from 'vitest';
import { normaliseMany, normaliseSelector, SELECTOR_KINDS, type SelectorInput, type SelectorKind } from './index.ts';

describe('normaliseSelector', () => {
  it('refuses empty, oversized, non-string values and unknown kinds', () => {
    expect(normaliseSelector({ kind: 'phone', value: '   ' })).toEqual({ ok: false, reason: 'empty value' });
    expect(normaliseSelector({ kind: 'url', value: `https://example.com/${'a'.repeat(5000)}` })).toEqual({
      ok: false,
      reason: 'value longer than 4096 characters',
    });
    expect(normaliseSelector({ kind: 'email', value: 42 as unknown as string })).toEqual({
      ok: false,
      reason: 'value must be a string',
    });
    expect(normaliseSelector({ kind: 'fax' as SelectorKind, value: '1' })).toEqual({
      ok: false,
      reason: "unknown selector kind 'fax'",
    });
    expect(normaliseSelector({ kind: 'constructor' as SelectorKind, value: '1' }).ok).toBe(false);
  });

  it('strips whitespace and invisible characters pasted around a value', () => {
    const result = normaliseSelector({ kind: 'domain', value: '\u200B\uFEFF scam-exchange.com\u00A0\n' });
    expect(result.ok && result.selector.key).toBe('domain:scam-exchange.com');
  });

  const garbage = ['x', '@', '////', '::::', '[]', '+', '0', 'é', '\u0000', 'https://', 'a'.repeat(300), '%', '#?&='];
  it.each(SELECTOR_KINDS)('never throws on garbage for %s', (kind) => {
    for (const value of garbage) {
      const result = normaliseSelector({ kind, value, country: 'TH', platform: 'telegram' });
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    }
  });
});

describe('normaliseMany', () => {
  it('returns one result per input, in order', () => {
    const inputs: SelectorInput[] = [
      { kind: 'phone', value: '0812345678', country: 'TH' },
      { kind: 'email', value: 'not-an-email' },
      { kind: 'crypto', value: 'TAJr1UCq7sLFgDcpGnCnCzX4QbBy3opb2J' },
      { kind: 'handle', value: 'https://t.me/Scam_Boss' },
    ];
    const results = normaliseMany(inputs);
    expect(results.map((r) => (r.ok ? r.selector.key : 'refused'))).toEqual([
      'phone:+66812345678',
      'refused',
      'crypto:tron:TAJr1UCq7sLFgDcpGnCnCzX4QbBy3opb2J',
      'handle:telegram:scam_boss',
    ]);
  });

  it('handles an empty batch', () => {
    expect(normaliseMany([])).toEqual([]);
  });
});
