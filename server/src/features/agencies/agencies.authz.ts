import type { RouteRule } from '../../../test/authz.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';

export const agenciesRoutes: RouteRule[] = [
  { method: 'GET', url: '/api/auth/me', roles: 'any' },
  { method: 'POST', url: '/api/auth/mfa/enrol', roles: 'any' },
  { method: 'GET', url: '/api/agencies', roles: 'any', scopes: ['agencies:read'] },
  {
    method: 'POST',
    url: '/api/agencies',
    roles: ['hub-admin'],
    body: { name: 'Matrix Unit', country: 'NP', kind: 'police' },
  },
  { method: 'GET', url: '/api/users', roles: ['agency-admin', 'hub-admin'] },
  { method: 'PATCH', url: `/api/users/${ZERO}`, roles: ['agency-admin', 'hub-admin'], body: { displayName: 'x' } },
  { method: 'POST', url: `/api/users/${ZERO}/mfa/reset`, roles: ['agency-admin', 'hub-admin'] },
  { method: 'GET', url: '/api/tokens', roles: ['agency-admin'] },
  {
    method: 'POST',
    url: '/api/tokens',
    roles: ['agency-admin'],
    body: { name: 'm', scopes: ['agencies:read'], expiresInDays: 1 },
  },
  { method: 'DELETE', url: `/api/tokens/${ZERO}`, roles: ['agency-admin'] },
  { method: 'GET', url: '/api/docs/json', roles: 'any', public: true },
  {
    method: 'POST',
    url: '/api/markings/validate',
    roles: 'any',
    scopes: ['intel:write'],
    body: { marking: { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } },
  },
];
