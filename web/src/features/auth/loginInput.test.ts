import { describe, expect, it } from 'vitest';
import { normaliseCode, safeRedirect } from './loginInput.ts';

describe('normaliseCode', () => {
  it('strips spaces and dashes from a six-digit code', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
  });
  it('keeps a recovery code as typed, trimmed', () => {
    expect(normaliseCode('  abcd-efgh-1234 ')).toBe('abcd-efgh-1234');
  });
});

describe('safeRedirect', () => {
  it('follows paths inside the console', () => {
    expect(safeRedirect('/admin/users?x=1')).toBe('/admin/users?x=1');
  });
  it('refuses other origins, protocol-relative URLs and the login page', () => {
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
