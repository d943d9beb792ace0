import type { RouteRule } from '../../../test/authz.ts';
import { RESCUE_READERS, RESCUE_WRITERS, YELLOW_DRAFTERS } from './rescue.routes.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const read = { roles: RESCUE_READERS, scopes: ['rescue:read' as const] };
const write = { roles: RESCUE_WRITERS, scopes: ['rescue:write' as const] };

export const rescueRoutes: RouteRule[] = [
  { method: 'GET', url: '/api/rescue/protocol', ...read },
  { method: 'GET', url: '/api/rescue/cases', ...read },
  {
    method: 'POST',
    url: '/api/rescue/cases',
    ...write,
    body: { hostCountry: 'VN', persons: [{ name: 'Matrix Person', nationality: 'ID' }], consentToContact: false },
  },
  { method: 'GET', url: `/api/rescue/cases/${ZERO}`, ...read },
  {
    method: 'POST',
    url: `/api/rescue/cases/${ZERO}/transitions`,
    ...write,
    body: { to: 'triaged', riskLevel: 'high' },
  },
  { method: 'POST', url: `/api/rescue/cases/${ZERO}/team`, ...write, body: { agencyId: ZERO } },
  { method: 'POST', url: `/api/rescue/cases/${ZERO}/handoff`, ...write, body: { toAgencyId: ZERO } },
  {
    method: 'POST',
    url: `/api/rescue/cases/${ZERO}/persons`,
    ...write,
    body: { rows: [{ name: 'Matrix Person', nationality: 'ID' }] },
  },
  // The matrix sends JSON; the route reads text/csv, so allowed callers get a 4xx for the body, not 403.
  { method: 'POST', url: `/api/rescue/cases/${ZERO}/persons/csv`, ...write, body: { csv: 'name,nationality' } },
  {
    method: 'POST',
    url: `/api/rescue/cases/${ZERO}/persons/${ZERO}/yellow-notice`,
    roles: YELLOW_DRAFTERS,
    scopes: ['notices:write'],
  },
  { method: 'POST', url: `/api/rescue/persons/${ZERO}/screening`, ...write, body: { indicators: [] } },
  {
    method: 'POST',
    url: `/api/rescue/cases/${ZERO}/batches`,
    ...write,
    body: { nationality: 'ID', personIds: [ZERO] },
  },
  { method: 'POST', url: `/api/rescue/batches/${ZERO}/advance`, ...write, body: { status: 'documents-ready' } },
  { method: 'GET', url: '/api/rescue/dashboard', ...read },
];
