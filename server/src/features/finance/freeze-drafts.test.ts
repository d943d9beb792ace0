import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { tronHex } from './synthetic.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } as const;
const wallet = (seed: string) => ({ type: 'crypto' as const, value: tronHex(seed) });

async function financeUser(t: TestContext, agency: TestAgency) {
  return t.login(await t.newUser({ agency, roles: ['finance'] }));
}

// A freeze request drafted, edited and sent later: the target agency sees nothing until it is sent.
describe.each(drivers)('draft freeze requests on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t().app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('creates a draft, edits it within the traced amount, sends it later, and refuses edits after', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const vn = await t().newAgency({ country: 'VN' });
    const [cTh, cPh] = [await financeUser(t(), th), await financeUser(t(), ph)];
    // A victim pays 1000 USDT into C, which sends 600 on to X.
    const imp = await call(cTh, 'POST', '/api/finance/transactions/import', {
      source: 'chain',
      marking: GREEN,
      rows: [
        {
          sourceKey: 'd-1',
          from: wallet('dv'),
          to: wallet('dC'),
          amount: '1000',
          currency: 'USDT',
          occurredAt: '2026-05-01T10:00:00Z',
          victimRef: 'V-D-1',
        },
        {
          sourceKey: 'd-2',
          from: wallet('dC'),
          to: wallet('dX'),
          amount: '600',
          currency: 'USDT',
          occurredAt: '2026-05-01T11:00:00Z',
        },
      ],
    });
    const victimTx = imp.json().ids[0] as string;
    const X = (await call(cTh, 'POST', '/api/finance/accounts', wallet('dX'))).json();
    const created = await call(cTh, 'POST', '/api/finance/freezes', {
      targetAgencyId: vn.id,
      accountId: X.id,
      amount: '500',
      currency: 'USDT',
      originTransactionIds: [victimTx],
      legalBasis: 'draft basis',
      deadlineHours: 24,
      caseRef: 'TH-D-1',
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft.state).toBe('draft');

    // Not the target's yet: neither listed nor readable by the agency it names.
    const edit = (cookie: string, body: object) => call(cookie, 'PUT', `/api/finance/freezes/${draft.id}`, body);
    expect((await edit(cTh, { targetAgencyId: ph.id })).statusCode).toBe(200);
    expect((await call(cPh, 'GET', `/api/finance/freezes/${draft.id}`)).statusCode).toBe(404);
    expect((await call(cPh, 'GET', '/api/finance/freezes')).json()).toEqual([]);
    expect((await edit(cPh, { amount: '1' })).statusCode).toBe(404);

    // Edits are checked like a new request: not above the traced 600 without a reason, not to oneself.
    const above = await edit(cTh, { amount: '650' });
    expect(above.statusCode).toBe(400);
    expect(above.json().errors[0].field).toBe('amount');
    expect((await edit(cTh, { amount: '1.1234567' })).json().errors[0].field).toBe('amount');
    expect((await edit(cTh, { targetAgencyId: th.id })).json().errors[0].field).toBe('targetAgencyId');
    const ok = await edit(cTh, {
      amount: '600',
      legalBasis: 'Art. 12 MLA treaty; I-GRIP',
      evidence: ['https://cordon.example/cases/TH-D-1'],
      deadlineHours: 12,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'draft',
      amount: '600',
      legalBasis: 'Art. 12 MLA treaty; I-GRIP',
      deadlineHours: 12,
      targetAgencyId: ph.id,
    });
    const more = await edit(cTh, { amount: '700', overrideReason: 'bank statement shows a later top-up' });
    expect(more.json()).toMatchObject({ amount: '700', overrideReason: 'bank statement shows a later top-up' });

    // Sent later: now the target sees it, and the draft can no longer change.
    const sent = await call(cTh, 'POST', `/api/finance/freezes/${draft.id}/transition`, { to: 'sent' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().state).toBe('sent');
    expect((await call(cPh, 'GET', `/api/finance/freezes/${draft.id}`)).json()).toMatchObject({
      state: 'sent',
      amount: '700',
    });
    const late = await edit(cTh, { amount: '1' });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0].field).toBe('state');
  });
});
