import type { RouteRule } from '../../../test/authz.ts';

export const webhooksRoutes: RouteRule[] = [
  { method: 'GET', url: '/api/webhooks', roles: ['agency-admin'] },
  {
    method: 'POST',
    url: '/api/webhooks',
    roles: ['agency-admin'],
    body: { url: 'https://hooks.example/x', topics: ['intel.'] },
  },
  { method: 'GET', url: '/api/webhooks/00000000-0000-4000-8000-000000000000/deliveries', roles: ['agency-admin'] },
];
