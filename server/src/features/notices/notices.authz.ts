import type { RouteRule } from '../../../test/authz.ts';
import { NOTICE_READERS, NOTICE_WRITERS } from './notices.routes.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const r = { roles: NOTICE_READERS, scopes: ['notices:read' as const] };
const w = { roles: NOTICE_WRITERS, scopes: ['notices:write' as const] };
const draft = { type: 'purple', title: 'Matrix notice', summary: '', details: {} };

export const noticesRoutes: RouteRule[] = [
  { method: 'POST', url: '/api/notices', ...w, body: draft },
  { method: 'GET', url: '/api/notices?type=purple', ...r },
  { method: 'GET', url: '/api/notices/review-queue', roles: ['hub-reviewer'] },
  { method: 'GET', url: `/api/notices/about-entity/${ZERO}`, ...r },
  { method: 'GET', url: '/api/notices/diffusions', ...r },
  {
    method: 'POST',
    url: '/api/notices/diffusions',
    ...w,
    body: { title: 'Matrix', body: 'Matrix body', recipientAgencyIds: [ZERO] },
  },
  { method: 'GET', url: `/api/notices/diffusions/${ZERO}`, ...r },
  { method: 'GET', url: `/api/notices/${ZERO}`, ...r },
  { method: 'PUT', url: `/api/notices/${ZERO}`, ...w, body: draft },
  { method: 'POST', url: `/api/notices/${ZERO}/submit`, ...w },
  {
    method: 'POST',
    url: `/api/notices/${ZERO}/review`,
    roles: ['hub-reviewer'],
    body: {
      decision: 'return',
      checklist: { requiredFieldsComplete: true, dataQuality: true, noPoliticalMilitaryReligiousRacial: true },
      reasons: 'More detail',
    },
  },
  {
    method: 'POST',
    url: `/api/notices/${ZERO}/cancel`,
    roles: [...NOTICE_WRITERS, 'hub-reviewer'],
    scopes: ['notices:write'],
    body: { reason: 'No longer needed' },
  },
  { method: 'GET', url: '/api/public/notices', roles: 'any', public: true },
];
