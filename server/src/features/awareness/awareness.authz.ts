import type { RouteRule } from '../../../test/authz.ts';
import { CAMPAIGN_ROLES } from './campaigns.service.ts';
import { DIRECTORY_ROLES } from './directory.service.ts';
import { TRIAGE_ROLES } from './triage.service.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const open = { roles: 'any' as const, public: true };

export const awarenessRoutes: RouteRule[] = [
  { method: 'POST', url: '/api/public/check/job', body: { text: 'Data entry clerk, Bangkok office' }, ...open },
  { method: 'POST', url: '/api/public/check/message', body: { text: 'You won a prize, call now' }, ...open },
  {
    method: 'POST',
    url: '/api/public/reports/scam',
    body: { country: 'VN', channel: 'sms', scamType: 'loan-or-prize', whatHappened: 'A matrix test report of a scam.' },
    ...open,
  },
  {
    method: 'POST',
    url: '/api/public/reports/missing-relative',
    body: {
      country: 'VN',
      relativeName: 'Matrix Relative',
      lastKnownPlace: 'Myawaddy',
      circumstances: 'Left for a job offer and stopped answering.',
      contact: 'matrix@example.org',
    },
    ...open,
  },
  { method: 'POST', url: '/api/public/reports/CRD-0000-0000/status', body: { token: 'prt_unknown-token' }, ...open },
  {
    method: 'POST',
    url: '/api/public/reports/CRD-0000-0000/additions',
    body: { token: 'prt_unknown-token', text: 'more' },
    ...open,
  },
  { method: 'GET', url: '/api/public/campaigns?lang=vi&country=VN', ...open },
  { method: 'POST', url: '/api/public/campaigns/no-such-code/reach', body: { kind: 'view' }, ...open },
  { method: 'GET', url: '/api/public/directory?country=VN', ...open },
  { method: 'GET', url: '/api/awareness/triage', roles: TRIAGE_ROLES },
  { method: 'POST', url: `/api/awareness/triage/${ZERO}/decision`, roles: TRIAGE_ROLES, body: { decision: 'reject' } },
  { method: 'GET', url: '/api/awareness/campaigns', roles: CAMPAIGN_ROLES },
  {
    method: 'POST',
    url: '/api/awareness/campaigns',
    roles: CAMPAIGN_ROLES,
    body: {
      code: 'matrix-campaign',
      name: 'Matrix campaign',
      messages: { en: { title: 'Be careful', body: 'Check job offers.' } },
      targetCountries: ['VN'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
  },
  { method: 'GET', url: `/api/awareness/campaigns/${ZERO}/reach`, roles: CAMPAIGN_ROLES },
  {
    method: 'POST',
    url: '/api/awareness/directory',
    roles: DIRECTORY_ROLES,
    body: { country: 'VN', kind: 'hotline', name: 'Matrix hotline', phone: '+84 24 000 000', languages: ['vi'] },
  },
  { method: 'DELETE', url: `/api/awareness/directory/${ZERO}`, roles: DIRECTORY_ROLES },
  { method: 'GET', url: '/api/awareness/directory?country=VN', roles: DIRECTORY_ROLES },
  {
    method: 'PATCH',
    url: `/api/awareness/directory/${ZERO}`,
    roles: DIRECTORY_ROLES,
    body: { name: 'Matrix hotline 2' },
  },
  { method: 'PATCH', url: `/api/awareness/campaigns/${ZERO}`, roles: CAMPAIGN_ROLES, body: { name: 'Matrix renamed' } },
  { method: 'POST', url: `/api/awareness/campaigns/${ZERO}/end`, roles: CAMPAIGN_ROLES },
  { method: 'DELETE', url: `/api/awareness/campaigns/${ZERO}`, roles: CAMPAIGN_ROLES },
];
