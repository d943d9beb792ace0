import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestAgency, TestContext } from '../../../test/app.ts';

/** Helpers shared by the operations medium tests. */
export const GREEN_ALL = {
  tlp: 'GREEN',
  audience: { kind: 'all' },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
} as const;

/** HTTP as a signed-in investigator of a new agency, planning, and the conflict alerts of an agency. */
export function operationsHelpers(t: () => TestContext) {
  const as = (cookie: string) => ({
    get: (url: string) => t().app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: object) =>
      t().app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) }),
    patch: (url: string, payload: object) => t().app.inject({ method: 'PATCH', url, headers: { cookie }, payload }),
  });
  const member = async (ctx: TestContext, country: string) => {
    const agency = await ctx.newAgency({ country });
    const user = await ctx.newUser({ agency, roles: ['investigator'] });
    const cookie = await ctx.login(user);
    return { agency, user, http: as(cookie) };
  };
  type Member = Awaited<ReturnType<typeof member>>;
  const plan = async (lead: Member, invited: TestAgency[], codeName: string) => {
    const res = await lead.http.post('/api/operations', {
      codeName,
      objectives: `Objectives of ${codeName}`,
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
      invitedAgencyIds: invited.map((a) => a.id),
      contactPoint: `${codeName} desk +66 2 000 0000`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const alerts = async (agencyId: string) =>
    (
      await sql<{ data: Record<string, unknown>; audience: { agencyIds: string[] } }>`
        select data, audience from outbox where topic = 'operations.conflict.alert'`.execute(t().database())
    ).rows.filter((r) => r.audience.agencyIds.includes(agencyId));

  /** A GREEN report of one scam centre (in Cambodia unless `c` says otherwise), as `m`. */
  const reportCentre = async (m: Member, c: Record<string, unknown>) => {
    const r = await m.http.post('/api/intel/reports', {
      title: `Compound seen by ${m.agency.country}`,
      summary: '',
      moTags: [],
      marking: GREEN_ALL,
      scamCentres: [{ ref: 'c', country: 'KH', status: 'active', ...c }],
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { entities: { id: string }[]; hits: { id: string; kind: string }[] };
  };

  return { as, member, plan, alerts, reportCentre };
}

export type Member = Awaited<ReturnType<ReturnType<typeof operationsHelpers>['member']>>;
