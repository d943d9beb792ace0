import type { RouteRule } from '../../../test/authz.ts';
import { OPS_READERS, OPS_WRITERS } from './operations.routes.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const r = { roles: OPS_READERS, scopes: ['operations:read' as const] };
const w = { roles: OPS_WRITERS, scopes: ['operations:write' as const] };

export const operationsRoutes: RouteRule[] = [
  {
    method: 'POST',
    url: '/api/operations',
    ...w,
    body: {
      codeName: 'Matrix',
      objectives: '',
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
      invitedAgencyIds: [],
      contactPoint: 'desk@matrix',
    },
  },
  { method: 'GET', url: '/api/operations', ...r },
  { method: 'GET', url: `/api/operations/${ZERO}`, ...r },
  { method: 'POST', url: `/api/operations/${ZERO}/status`, ...w, body: { status: 'active' } },
  { method: 'POST', url: `/api/operations/${ZERO}/invitations`, ...w, body: { agencyIds: [ZERO] } },
  { method: 'POST', url: `/api/operations/${ZERO}/participation`, ...w, body: { accept: false } },
  { method: 'GET', url: `/api/operations/${ZERO}/targets`, ...r },
  {
    method: 'POST',
    url: `/api/operations/${ZERO}/targets`,
    ...w,
    body: { priority: 'high', selector: { kind: 'phone', value: '+66812345678' } },
  },
  { method: 'PATCH', url: `/api/operations/${ZERO}/targets/${ZERO}`, ...w, body: { status: 'actioned' } },
  { method: 'GET', url: '/api/operations/conflicts', ...r },
  { method: 'POST', url: `/api/operations/conflicts/${ZERO}/acknowledge`, ...w },
  { method: 'POST', url: `/api/operations/conflicts/${ZERO}/resolve`, ...w, body: { resolution: 'Joint raid agreed' } },
  { method: 'GET', url: '/api/operations/register', ...r },
  {
    method: 'POST',
    url: '/api/operations/register',
    ...w,
    body: { selector: { kind: 'email', value: 'matrix@example.com' }, contactPoint: 'desk@matrix' },
  },
  { method: 'DELETE', url: `/api/operations/register/${ZERO}`, ...w },
  { method: 'GET', url: `/api/operations/${ZERO}/tasks`, ...r },
  {
    method: 'POST',
    url: `/api/operations/${ZERO}/tasks`,
    ...w,
    body: { title: 'Raid', description: '', assigneeAgencyId: ZERO, dueAt: '2026-06-10T00:00:00Z' },
  },
  { method: 'PATCH', url: `/api/operations/${ZERO}/tasks/${ZERO}`, ...w, body: { status: 'done' } },
  { method: 'GET', url: `/api/operations/${ZERO}/messages`, ...r },
  { method: 'POST', url: `/api/operations/${ZERO}/messages`, ...w, body: { body: 'hello' } },
  { method: 'GET', url: `/api/operations/${ZERO}/results`, ...r },
  {
    method: 'POST',
    url: `/api/operations/${ZERO}/results`,
    ...w,
    body: {
      reportedOn: '2026-06-02',
      arrests: 1,
      arrestNationalities: {},
      victimsRescued: 0,
      centresRaided: 0,
      devicesSeized: 0,
      accountsBlocked: 0,
      assetsFrozen: '0',
      assetsSeized: '0',
      currency: 'USD',
    },
  },
  { method: 'GET', url: `/api/operations/${ZERO}/public-summary`, ...r },
  { method: 'POST', url: `/api/operations/${ZERO}/public-summary/publish`, ...w },
  { method: 'GET', url: '/api/public/operations/summaries', roles: 'any', public: true },
];
