import { ROLES, type Role, SCOPES } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { agenciesRoutes } from '../src/features/agencies/agencies.authz.ts';
import { awarenessRoutes } from '../src/features/awareness/awareness.authz.ts';
import { financeRoutes } from '../src/features/finance/finance.authz.ts';
import { intelRoutes } from '../src/features/intel/intel.authz.ts';
import { noticesRoutes } from '../src/features/notices/notices.authz.ts';
import { operationsRoutes } from '../src/features/operations/operations.authz.ts';
import { rescueRoutes } from '../src/features/rescue/rescue.authz.ts';
import { webhooksRoutes } from '../src/platform/webhooks/webhooks.authz.ts';
import { useTestApp } from './app.ts';
import type { RouteRule } from './authz.ts';

/** Every feature's routes. A feature adds its table here. */
const ROUTES: RouteRule[] = [
  ...agenciesRoutes,
  ...intelRoutes,
  ...operationsRoutes,
  ...noticesRoutes,
  ...webhooksRoutes,
  ...awarenessRoutes,
  ...financeRoutes,
  ...rescueRoutes,
];

const HUB_ROLES: Role[] = ['hub-admin', 'hub-reviewer'];

describe('authorisation matrix: route × role × caller kind', () => {
  const t = useTestApp('pglite');

  it('lets exactly the allowed roles, scopes and the public through', async () => {
    const member = await t().newAgency({ country: 'VN' });
    const hub = await t().newAgency({ country: 'FR', kind: 'hub' });
    const callers: Array<{ role: Role; cookie: string; agency: string; id: string }> = [];
    for (const role of ROLES) {
      const agency = HUB_ROLES.includes(role) ? hub : member;
      const user = await t().newUser({ agency, roles: [role] });
      callers.push({ role, cookie: await t().login(user), agency: agency.id, id: user.id });
    }
    const admin = callers.find((c) => c.role === 'agency-admin');
    const tokens: Array<{ scope: string; token: string }> = [];
    for (const scope of SCOPES) {
      const r = await t().app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: admin?.cookie ?? '' },
        payload: { name: `matrix ${scope}`, scopes: [scope], expiresInDays: 1 },
      });
      tokens.push({ scope, token: r.json().token });
    }
    const failures: string[] = [];
    let checked = 0;
    for (const route of ROUTES) {
      const send = (headers: Record<string, string>, url = route.url) =>
        t().app.inject({
          method: route.method,
          url,
          headers,
          ...(route.body ? { payload: route.body as object } : {}),
        });
      const anon = await send({});
      if ((anon.statusCode === 401) === Boolean(route.public))
        failures.push(`${route.method} ${route.url} anonymous → ${anon.statusCode}`);
      for (const c of callers) {
        const url = route.url.replace(':self', c.id).replace(':agency', c.agency);
        const res = await send({ cookie: c.cookie }, url);
        const allowed = route.roles === 'any' || route.roles.includes(c.role);
        const passed = res.statusCode !== 403 && res.statusCode !== 401;
        if (allowed !== passed) failures.push(`${route.method} ${route.url} as ${c.role} → ${res.statusCode}`);
        checked++;
      }
      for (const tk of tokens) {
        const res = await send({ authorization: `Bearer ${tk.token}` });
        const allowed = route.public || (route.scopes ?? []).includes(tk.scope as never);
        const passed = res.statusCode !== 403 && res.statusCode !== 401;
        if (allowed !== passed)
          failures.push(`${route.method} ${route.url} with token scope ${tk.scope} → ${res.statusCode}`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(ROUTES.length * (ROLES.length + SCOPES.length));
  });
});
