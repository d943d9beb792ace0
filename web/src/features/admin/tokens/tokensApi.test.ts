import type { ApiToken } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { tokenStatus } from './tokensApi.ts';

const token = (over: Partial<ApiToken>): ApiToken => ({
  id: '00000000-0000-4000-8000-000000000001',
  agencyId: '00000000-0000-4000-8000-000000000002',
  name: 'feed',
  scopes: ['intel:read'],
  createdBy: '00000000-0000-4000-8000-000000000003',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: '2026-06-01T00:00:00Z',
  revokedAt: null,
  lastUsedAt: null,
  ...over,
});

describe('tokenStatus', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  it('is active, expired or revoked', () => {
    expect(tokenStatus(token({}), now)).toBe('active');
    expect(tokenStatus(token({ expiresAt: '2026-02-01T00:00:00Z' }), now)).toBe('expired');
    expect(tokenStatus(token({ revokedAt: '2026-02-01T00:00:00Z' }), now)).toBe('revoked');
  });
});
