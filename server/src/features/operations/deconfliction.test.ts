import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { GREEN_ALL, type Member, operationsHelpers } from './operations.test-support.ts';

describe.each(drivers)('deconfliction on %s', (driver) => {
  const t = useTestApp(driver);
  const { member, plan, alerts, reportCentre } = operationsHelpers(t);

  it('warns both owners when two operations target the same selector, naming only agency and contact', async () => {
    const [th, ph, kh] = [await member(t(), 'TH'), await member(t(), 'PH'), await member(t(), 'KH')];
    const opA = await plan(th, [], 'Crimson Tide');
    const opB = await plan(ph, [kh.agency], 'Blue Harbour');
    expect(
      (await kh.http.post(`/api/operations/${opB}/participation`, { accept: true, contactPoint: 'KH liaison' }))
        .statusCode,
    ).toBe(200);
    const a = await th.http.post(`/api/operations/${opA}/targets`, {
      priority: 'high',
      label: 'Recruiter line (our informant)',
      selector: { kind: 'phone', value: '081 234 5678', country: 'TH' },
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kind: 'selector', selectorKey: 'phone:+66812345678', conflicts: 0 });
    // KH owns the target in PH's operation; the same number, written differently.
    const b = await ph.http.post(`/api/operations/${opB}/targets`, {
      priority: 'critical',
      ownerAgencyId: kh.agency.id,
      selector: { kind: 'phone', value: '+66 81 234 5678' },
    });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().conflicts).toBe(1);
    // Live alerts: one to each owner (TH and KH), none to PH (lead of B but not the owner).
    const toTh = await alerts(th.agency.id);
    const toKh = await alerts(kh.agency.id);
    expect(toTh).toHaveLength(1);
    expect(toKh).toHaveLength(1);
    expect(await alerts(ph.agency.id)).toHaveLength(0);
    expect(toTh[0]?.data).toMatchObject({ operationId: opA, contactPoint: 'KH liaison', otherCountry: 'KH' });
    expect(toKh[0]?.data).toMatchObject({
      operationId: opB,
      contactPoint: 'Crimson Tide desk +66 2 000 0000',
      otherCountry: 'TH',
    });
    // Nothing of the other operation beyond owner and contact.
    expect(JSON.stringify(toTh[0]?.data)).not.toMatch(/Blue Harbour|critical/);
    expect(JSON.stringify(toTh[0]?.data)).not.toContain(opB);
    expect(JSON.stringify(toKh[0]?.data)).not.toMatch(/Crimson Tide\b(?! desk)|informant/);
    expect(JSON.stringify(toKh[0]?.data)).not.toContain(opA);
    const thView = (await th.http.get('/api/operations/conflicts')).json();
    expect(thView).toHaveLength(1);
    expect(JSON.stringify(thView)).not.toContain(opB);
    expect(thView[0]).toMatchObject({
      status: 'open',
      matchLabel: 'Recruiter line (our informant)',
      mine: { operationId: opA, acknowledgedAt: null },
      other: { agencyId: kh.agency.id, country: 'KH', contactPoint: 'KH liaison', acknowledged: false },
    });
    const conflictId = thView[0].id as string;
    // PH (not an owner) cannot see or act on it.
    expect((await ph.http.post(`/api/operations/conflicts/${conflictId}/acknowledge`)).statusCode).toBe(404);
    // Resolution waits for both acknowledgements.
    expect(
      (await th.http.post(`/api/operations/conflicts/${conflictId}/resolve`, { resolution: 'Joint raid' })).statusCode,
    ).toBe(409);
    expect((await th.http.post(`/api/operations/conflicts/${conflictId}/acknowledge`)).json().status).toBe('open');
    expect((await th.http.post(`/api/operations/conflicts/${conflictId}/acknowledge`)).statusCode).toBe(409);
    const khAck = await kh.http.post(`/api/operations/conflicts/${conflictId}/acknowledge`);
    expect(khAck.json()).toMatchObject({ status: 'acknowledged', other: { acknowledged: true } });
    const done = await kh.http.post(`/api/operations/conflicts/${conflictId}/resolve`, {
      resolution: 'TH raids on 12 June, KH holds its informant out',
    });
    expect(done.json()).toMatchObject({
      status: 'resolved',
      resolution: 'TH raids on 12 June, KH holds its informant out',
    });
    expect(
      (await kh.http.post(`/api/operations/conflicts/${conflictId}/resolve`, { resolution: 'again' })).statusCode,
    ).toBe(409);
    // A concluded operation no longer conflicts.
    await th.http.post(`/api/operations/${opA}/status`, { status: 'active' });
    await th.http.post(`/api/operations/${opA}/status`, { status: 'concluded' });
    const again = await ph.http.post(`/api/operations/${opB}/targets`, {
      priority: 'low',
      selector: { kind: 'phone', value: '0812345678', country: 'TH' },
    });
    expect(again.json().conflicts).toBe(0);
  });

  it('warns on an entry of another agency’s deconfliction register, and on a shared intelligence entity', async () => {
    const [th, my] = [await member(t(), 'TH'), await member(t(), 'MY')];
    const reg = await my.http.post('/api/operations/register', {
      selector: { kind: 'email', value: 'Boss.Recruiter@Example.com' },
      contactPoint: 'MY undercover desk',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const op = await plan(th, [], 'Register check');
    const target = await th.http.post(`/api/operations/${op}/targets`, {
      priority: 'medium',
      selector: { kind: 'email', value: 'boss.recruiter@example.com' },
    });
    expect(target.json().conflicts).toBe(1);
    const mine = (await my.http.get('/api/operations/conflicts')).json();
    expect(mine).toEqual([
      expect.objectContaining({
        mine: expect.objectContaining({ registerEntryId: reg.json().id, operationId: null }),
        other: expect.objectContaining({ agencyId: th.agency.id, contactPoint: 'Register check desk +66 2 000 0000' }),
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('Register check"');
    expect(JSON.stringify(mine)).not.toContain(op);
    // The same compound from a shared report, added by two agencies' operations.
    const report = await th.http.post('/api/intel/reports', {
      title: 'Compound',
      summary: '',
      moTags: [],
      marking: GREEN_ALL,
      scamCentres: [{ ref: 'c', name: 'Golden Star compound', country: 'MM', status: 'active' }],
    });
    expect(report.statusCode, report.body).toBe(201);
    const centre = report.json().entities[0].id as string;
    const op2 = await plan(my, [], 'Compound MY');
    expect(
      (await my.http.post(`/api/operations/${op2}/targets`, { priority: 'high', entityId: centre })).json(),
    ).toMatchObject({
      kind: 'scam-centre',
      label: 'Golden Star compound',
      conflicts: 0,
    });
    expect(
      (await th.http.post(`/api/operations/${op}/targets`, { priority: 'high', entityId: centre })).json().conflicts,
    ).toBe(1);
  });

  it('meets on one compound held by two agencies as two scam-centre entities intelligence matched', async () => {
    const [th, kh, ph] = [await member(t(), 'TH'), await member(t(), 'KH'), await member(t(), 'PH')];
    const centre = reportCentre;
    // Thailand knows it by its name, Cambodia by an alias and a point 80 m away: intelligence matches both.
    const a = await centre(th, { name: 'Jinbei Compound 4', location: { lat: 11.5801, lon: 104.9101 } });
    const b = await centre(kh, {
      name: 'Building 4 at Jinbei',
      aliases: ['Jinbei Compound 4'],
      location: { lat: 11.5806, lon: 104.9106 },
    });
    expect(b.hits.filter((h) => h.kind === 'scam-centre')).toHaveLength(1);
    // A third, unrelated compound in the same country and far away: no hit, no conflict.
    const c = await centre(ph, { name: 'Golden Fortune Park', location: { lat: 10.6, lon: 103.5 } });
    expect(c.hits).toHaveLength(0);
    const [entA, entB, entC] = [a, b, c].map((r) => r.entities[0]?.id as string) as [string, string, string];
    const opTh = await plan(th, [], 'Compound TH');
    const opKh = await plan(kh, [], 'Compound KH');
    const opPh = await plan(ph, [], 'Compound PH');
    const add = (m: Member, op: string, entityId: string) =>
      m.http.post(`/api/operations/${op}/targets`, { priority: 'critical', entityId });
    const first = await add(th, opTh, entA);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'scam-centre', conflicts: 0 });
    expect((await add(ph, opPh, entC)).json().conflicts).toBe(0);
    const second = await add(kh, opKh, entB);
    expect(second.json()).toMatchObject({ kind: 'scam-centre', label: 'Building 4 at Jinbei', conflicts: 1 });
    const thAlerts = await alerts(th.agency.id);
    const khAlerts = await alerts(kh.agency.id);
    expect(thAlerts).toHaveLength(1);
    expect(khAlerts).toHaveLength(1);
    expect(await alerts(ph.agency.id)).toHaveLength(0);
    expect(JSON.stringify(thAlerts)).toContain('Compound KH desk');
    expect(JSON.stringify(thAlerts)).not.toContain('Compound KH"');
    expect(JSON.stringify(thAlerts)).not.toContain(opKh);
    const [thConf] = (await th.http.get('/api/operations/conflicts')).json();
    expect(thConf).toMatchObject({ other: { agencyId: kh.agency.id } });
  });
});
