import type { RouteRule } from '../../../test/authz.ts';
import { INTEL_READERS, INTEL_WRITERS, TAXONOMY_READERS } from './intel.routes.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const marking = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'C', credibility: '3' };

export const intelRoutes: RouteRule[] = [
  {
    method: 'POST',
    url: '/api/intel/reports',
    roles: INTEL_WRITERS,
    scopes: ['intel:write'],
    body: { title: 'Matrix report', summary: '', marking, moTags: [] },
  },
  { method: 'GET', url: '/api/intel/reports', roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/reports/${ZERO}`, roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: '/api/intel/taxonomy', roles: TAXONOMY_READERS, scopes: ['intel:read'] },
  {
    method: 'POST',
    url: '/api/intel/taxonomy',
    roles: ['hub-admin', 'hub-reviewer'],
    body: { code: 'matrix-tag', label: 'Matrix', category: 'modus-operandi', description: '' },
  },
  { method: 'GET', url: '/api/intel/search?q=somchai', roles: INTEL_READERS, scopes: ['intel:read'] },
  {
    method: 'POST',
    url: '/api/intel/lookup',
    roles: INTEL_READERS,
    scopes: ['intel:read'],
    body: { selectors: [{ kind: 'phone', value: '+66812345678' }] },
  },
  { method: 'GET', url: '/api/intel/hits', roles: INTEL_READERS, scopes: ['intel:read'] },
  {
    method: 'POST',
    url: `/api/intel/hits/${ZERO}/decision`,
    roles: INTEL_WRITERS,
    scopes: ['intel:write'],
    body: { decision: 'confirm' },
  },
  { method: 'GET', url: '/api/intel/disclosures?direction=incoming', roles: INTEL_READERS, scopes: ['intel:read'] },
  {
    method: 'POST',
    url: `/api/intel/disclosures/${ZERO}/decision`,
    roles: ['supervisor', 'analyst', 'investigator'],
    body: { approve: true },
  },
  { method: 'GET', url: '/api/intel/watchlist', roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: '/api/intel/alerts/unread', roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/entities/${ZERO}`, roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/entities/${ZERO}/timeline`, roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/entities/${ZERO}/places`, roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: '/api/intel/graph/networks', roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: '/api/intel/map', roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/graph/networks/stix?node=${ZERO}`, roles: INTEL_READERS, scopes: ['intel:read'] },
  { method: 'GET', url: `/api/intel/reports/${ZERO}/stix`, roles: INTEL_READERS, scopes: ['intel:read'] },
];
