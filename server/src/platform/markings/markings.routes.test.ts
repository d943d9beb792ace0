import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

describe('POST /api/markings/validate', () => {
  const t = useTestApp('pglite');
  const check = async (marking: unknown) => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    return t().app.inject({ method: 'POST', url: '/api/markings/validate', headers: { cookie }, payload: { marking } });
  };
  const ok = {
    tlp: 'AMBER',
    audience: { kind: 'regions', regions: ['Asia'] },
    pap: 'AMBER',
    reliability: 'B',
    credibility: '2',
  };

  it('accepts a consistent marking', async () => {
    expect((await check(ok)).statusCode).toBe(204);
  });
  it('names the field of a contradiction: TLP:RED to all members', async () => {
    const r = await check({ ...ok, tlp: 'RED', audience: { kind: 'all' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      { field: 'marking.audience', message: expect.stringMatching(/named recipients/) },
    ]);
  });
  it('names the field of a malformed marking', async () => {
    const r = await check({ ...ok, tlp: 'PURPLE', reliability: 'Z' });
    expect(r.statusCode).toBe(400);
    const fields = r.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['marking.tlp', 'marking.reliability']));
  });
});

describe('errors inside a union name the branch that applies', () => {
  const t = useTestApp('pglite');
  it('reports the missing regions of a regions audience, not the other branches', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    const r = await t().app.inject({
      method: 'POST',
      url: '/api/markings/validate',
      headers: { cookie },
      payload: {
        marking: { tlp: 'AMBER', audience: { kind: 'regions' }, pap: 'AMBER', reliability: 'B', credibility: '2' },
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ field: 'marking.audience.regions', message: 'is required' }]);
  });
});
