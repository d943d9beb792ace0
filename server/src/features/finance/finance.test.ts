import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { loadStixSchemas } from '../intel/stix/testkit.ts';
import { D } from './money.ts';
import { germanIban, tronHex } from './synthetic.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } as const;
const amberTo = (ids: string[]) =>
  ({
    tlp: 'AMBER',
    audience: { kind: 'agencies', agencyIds: ids },
    pap: 'AMBER',
    reliability: 'C',
    credibility: '3',
  }) as const;
const wallet = (seed: string) => ({ type: 'crypto' as const, value: tronHex(seed) });

async function financeUser(t: TestContext, agency: TestAgency) {
  return t.login(await t.newUser({ agency, roles: ['finance'] }));
}

describe.each(drivers)('criminal finance on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t().app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t().database())).rows[0]?.n ??
    0;

  // Victims in three countries pay USDT (TRC-20) into a collection wallet C; C layers through mule M
  // to exchange wallet X; a second victim pays after the first hop left.
  const rows = [
    {
      sourceKey: 'lr-1',
      from: wallet('v1'),
      to: wallet('C'),
      amount: '1000',
      currency: 'USDT',
      occurredAt: '2026-05-01T10:00:00Z',
      victimRef: 'V-TH-1',
      victimCountry: 'TH',
    },
    {
      sourceKey: 'lr-2',
      from: wallet('v2'),
      to: wallet('C'),
      amount: '3000.5',
      currency: 'USDT',
      occurredAt: '2026-05-01T11:00:00Z',
      victimRef: 'V-KE-2',
      victimCountry: 'KE',
    },
    {
      txHash: 'aa01',
      from: wallet('C'),
      to: wallet('M'),
      amount: '2000',
      currency: 'USDT',
      occurredAt: '2026-05-01T12:00:00Z',
    },
    {
      txHash: 'aa02',
      from: wallet('M'),
      to: wallet('X'),
      amount: '1500',
      currency: 'USDT',
      occurredAt: '2026-05-01T13:00:00Z',
    },
    {
      sourceKey: 'lr-3',
      from: wallet('v3'),
      to: wallet('C'),
      amount: '500',
      currency: 'USDT',
      occurredAt: '2026-05-01T14:00:00Z',
      victimRef: 'V-BR-3',
      victimCountry: 'BR',
    },
  ];

  it('imports transfers once, reports bad rows with their field, and keys accounts like intelligence', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const c = await financeUser(t(), th);
    const bad = [
      {
        to: { type: 'iban', value: 'DE89370400440532013001' },
        amount: '10',
        currency: 'EUR',
        occurredAt: '2026-05-01T00:00:00Z',
      },
      { to: wallet('z'), amount: '1.1234567', currency: 'USDT', occurredAt: '2026-05-01T00:00:00Z' },
      {
        to: { type: 'iban', value: germanIban('a') },
        amount: '-5',
        currency: 'EUR',
        occurredAt: '2026-05-01T00:00:00Z',
      },
      {
        to: { type: 'iban', value: germanIban('a') },
        amount: '5',
        currency: 'XQQ',
        occurredAt: '2026-05-01T00:00:00Z',
      },
      { to: { type: 'crypto', value: '0x1234' }, amount: '5', currency: 'ETH', occurredAt: '2026-05-01T00:00:00Z' },
    ];
    const first = await call(c, 'POST', '/api/finance/transactions/import', {
      source: 'chain',
      marking: GREEN,
      rows: [...rows, ...bad],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 5, existing: 0 });
    expect(first.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, 'to.value'],
      [6, 'amount'],
      [7, 'amount'],
      [8, 'currency'],
      [9, 'to.value'],
    ]);
    const again = await call(c, 'POST', '/api/finance/transactions/import', { source: 'chain', marking: GREEN, rows });
    expect(again.json()).toMatchObject({ created: 0, existing: 5 });
    expect(again.json().ids).toEqual(first.json().ids.slice(0, 5));
    expect(await count('fin_transactions')).toBe(5);

    // The same wallet given in hex and as T… is one account, keyed as the intel selector.
    const acc = await call(c, 'POST', '/api/finance/accounts', wallet('C'));
    expect(acc.json().key).toMatch(/^crypto:tron:T/);
    const list = await call(c, 'GET', `/api/finance/accounts?q=${encodeURIComponent(acc.json().key.slice(12, 30))}`);
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([acc.json().id]);

    // A single write is all or nothing, with the field at fault.
    const one = await call(c, 'POST', '/api/finance/transactions', {
      source: 'manual',
      marking: GREEN,
      transaction: bad[1],
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().errors).toEqual([{ field: 'amount', message: 'USDT allows at most 6 decimal places' }]);
    const wrongChain = await call(c, 'POST', '/api/finance/transactions', {
      source: 'manual',
      marking: GREEN,
      transaction: { to: wallet('C'), amount: '1', currency: 'BTC', occurredAt: '2026-05-01T00:00:00Z' },
    });
    expect(wrongChain.json().errors[0].field).toBe('currency');
    expect(await count('fin_transactions')).toBe(5);
  });

  it('traces victim money forward in time order, exports it, and freezes through the state machine into the ledger', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const ke = await t().newAgency({ country: 'KE' });
    const [cTh, cPh, cKe] = [await financeUser(t(), th), await financeUser(t(), ph), await financeUser(t(), ke)];
    const shifted = rows.map((r) => ({
      ...r,
      ...(r.sourceKey ? { sourceKey: `b-${r.sourceKey}` } : { txHash: `b-${r.txHash}` }),
      from: wallet(`b-${JSON.stringify(r.from)}`),
    }));
    // Same graph with fresh accounts: from-accounts renamed, C/M/X prefixed.
    const ren = (w: { value: string }, seed: string) => (w.value === tronHex(seed) ? wallet(`2-${seed}`) : null);
    const graph = rows.map((r, i) => ({
      ...shifted[i],
      from: ren(r.from, 'C') ?? ren(r.from, 'M') ?? wallet(`2-v${i}`),
      to: ren(r.to, 'C') ?? ren(r.to, 'M') ?? ren(r.to, 'X')!,
    }));
    const imp = await call(cTh, 'POST', '/api/finance/transactions/import', {
      source: 'chain',
      marking: amberTo([ph.id]),
      rows: graph,
    });
    expect(imp.json()).toMatchObject({ created: 5, errors: [] });
    const ids: string[] = imp.json().ids;
    await call(cTh, 'PUT', '/api/finance/rates', {
      rows: [{ currency: 'USDT', validFrom: '2026-01-01', usd: '0.9998' }],
    });

    const tr = await call(cTh, 'POST', '/api/finance/trace', {
      transactionIds: [ids[0], ids[1], ids[4]],
      model: 'fifo',
      hops: 6,
    });
    expect(tr.statusCode).toBe(200);
    const held = Object.fromEntries(tr.json().nodes.map((n: { key: string; held: string }) => [n.key, n.held]));
    const key = async (seed: string) => (await call(cTh, 'POST', '/api/finance/accounts', wallet(seed))).json();
    const [C, M, X] = [await key('2-C'), await key('2-M'), await key('2-X')];
    // FIFO: C paid out 2000 = V-TH-1's 1000 + 1000 of V-KE-2; the late V-BR-3 payment stays at C.
    expect(held[C.key]).toBe('2500.5');
    expect(held[M.key]).toBe('500');
    expect(held[X.key]).toBe('1500');
    const x = tr.json().nodes.find((n: { key: string }) => n.key === X.key);
    expect(x).toMatchObject({ hop: 3, heldByOrigin: { 'V-TH-1': '1000', 'V-KE-2': '500' }, heldUsd: '1499.7' });

    const hc = await call(cTh, 'POST', '/api/finance/trace', {
      transactionIds: [ids[0], ids[1]],
      model: 'proportional',
    });
    const hx = hc.json().nodes.find((n: { key: string }) => n.key === X.key);
    expect(new D(hx.held).toFixed()).toBe('1500');
    // Backward from the exchange finds the victims.
    const back = await call(cTh, 'POST', '/api/finance/trace', { accountId: X.id, direction: 'backward', hops: 4 });
    expect(
      back
        .json()
        .origins.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual(['V-KE-2', 'V-TH-1']);

    const csv = await call(cTh, 'POST', '/api/finance/trace/export?format=csv', { transactionIds: [ids[0], ids[1]] });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^record,hop,account_or_transaction/);
    expect(csv.body).toContain(X.key);
    const stix = await call(cTh, 'POST', '/api/finance/trace/export?format=stix', { transactionIds: [ids[0], ids[1]] });
    expect(loadStixSchemas().check(stix.json())).toEqual([]);
    expect(stix.json().objects.filter((o: { type: string }) => o.type === 'relationship')).toHaveLength(2);

    // KE is not in the AMBER audience: it cannot trace these transfers.
    const keTrace = await call(cKe, 'POST', '/api/finance/trace', { transactionIds: [ids[0]] });
    expect(keTrace.statusCode).toBe(400);
    expect(keTrace.json().errors[0].field).toBe('transactionIds');

    const freeze = (extra: object) =>
      call(cTh, 'POST', '/api/finance/freezes', {
        targetAgencyId: ph.id,
        accountId: X.id,
        amount: '1500',
        currency: 'USDT',
        originTransactionIds: [ids[0], ids[1]],
        legalBasis: 'Art. 12 MLA treaty; I-GRIP',
        evidence: ['https://cordon.example/cases/TH-1'],
        deadlineHours: 24,
        caseRef: 'TH-2026-1',
        operationRef: 'OP-MEKONG',
        ...extra,
      });
    const above = await freeze({ amount: '1600' });
    expect(above.statusCode).toBe(400);
    expect(above.json().errors[0].field).toBe('amount');
    expect(above.json().errors[0].message).toMatch(/above the 1500 USDT/);
    expect((await freeze({ amount: '1500.0000001' })).json().errors[0].field).toBe('amount');
    const over = await freeze({
      amount: '1600',
      overrideReason: 'exchange reports more funds from the same syndicate',
    });
    expect(over.statusCode).toBe(201);
    expect(over.json()).toMatchObject({ state: 'draft', tracedAmount: '1500', amount: '1600' });

    const created = await freeze({ send: true });
    expect(created.statusCode).toBe(201);
    const f = created.json();
    expect(f).toMatchObject({
      state: 'sent',
      deadlineAt: '2026-06-02T08:00:00.000Z',
      attribution: { 'V-TH-1': '1000', 'V-KE-2': '500' },
    });
    const move = (cookie: string, to: string, extra: object = {}) =>
      call(cookie, 'POST', `/api/finance/freezes/${f.id}/transition`, { to, ...extra });
    expect((await move(cTh, 'acknowledged')).statusCode).toBe(403);
    expect((await move(cKe, 'acknowledged')).statusCode).toBe(404);
    const skip = await move(cPh, 'frozen');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors[0].field).toBe('to');
    expect((await move(cPh, 'acknowledged')).json().state).toBe('acknowledged');
    expect((await move(cPh, 'frozen', { amount: '1500.01' })).json().errors[0].field).toBe('amount');
    expect((await move(cPh, 'frozen', { amount: '1200' })).json()).toMatchObject({
      state: 'frozen',
      frozenAmount: '1200',
    });
    expect((await move(cPh, 'seized', { amount: '1000.000001' })).json().state).toBe('seized');
    expect((await move(cPh, 'forfeited')).json().state).toBe('forfeited');
    const returned = await move(cPh, 'returned');
    expect(returned.json().state).toBe('returned');
    expect((await move(cPh, 'returned')).statusCode).toBe(409);

    // Both sides were told live (outbox), each change is audited.
    const topics = (
      await sql<{ topic: string }>`select topic from outbox where data->>'freezeId' = ${f.id} order by id`.execute(
        t().database(),
      )
    ).rows.map((r) => r.topic);
    expect(topics).toEqual([
      'finance.freeze.sent',
      'finance.freeze.acknowledged',
      'finance.freeze.frozen',
      'finance.freeze.seized',
      'finance.freeze.forfeited',
      'finance.freeze.returned',
    ]);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where object_id = ${f.id}`.execute(
      t().database(),
    );
    expect(audits.rows[0]?.n).toBe(7);

    // Ledger: returns split 2:1 over the victims in exact micro-USDT, summing to what was forfeited.
    const ledger = (await call(cPh, 'GET', `/api/finance/ledger?freezeId=${f.id}`)).json();
    expect(
      ledger.map((e: { kind: string; amount: string; victimRef: string | null }) => [e.kind, e.amount, e.victimRef]),
    ).toEqual([
      ['freeze', '1200', null],
      ['seize', '1000.000001', null],
      ['release', '199.999999', null],
      ['forfeit', '1000.000001', null],
      // 1000.000001 × 1/3 = 333.333333667 and × 2/3 = 666.666667333: the left-over unit goes to
      // the larger remainder.
      ['return', '333.333334', 'V-KE-2'],
      ['return', '666.666667', 'V-TH-1'],
    ]);
    const byCase = (await call(cTh, 'GET', '/api/finance/ledger/balances?by=case')).json();
    expect(byCase).toEqual([
      {
        group: 'TH-2026-1',
        currency: 'USDT',
        frozen: '0',
        seized: '0',
        forfeited: '0',
        returned: '1000.000001',
        usd: { frozen: '0', seized: '0', forfeited: '0', returned: '999.8' },
      },
    ]);
    expect((await call(cKe, 'GET', '/api/finance/ledger/balances')).json()).toEqual([]);
    // The database refuses a second return to the same victim even past the service.
    await expect(
      sql`insert into fin_ledger (freeze_id, kind, amount, victim_ref, occurred_at) values (${f.id}, 'return', 1, 'V-TH-1', now())`.execute(
        t().database(),
      ),
    ).rejects.toThrow();
  });

  it('expires an unanswered request at its deadline, warning both sides first', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const cTh = await financeUser(t(), th);
    const imp = await call(cTh, 'POST', '/api/finance/transactions/import', {
      source: 'loss-report',
      marking: GREEN,
      rows: [
        {
          sourceKey: 'exp-1',
          to: { type: 'iban', value: germanIban('exp') },
          amount: '900',
          currency: 'EUR',
          occurredAt: '2026-05-20T00:00:00Z',
          victimRef: 'V-1',
        },
      ],
    });
    const acc = (await call(cTh, 'POST', '/api/finance/accounts', { type: 'iban', value: germanIban('exp') })).json();
    const f = (
      await call(cTh, 'POST', '/api/finance/freezes', {
        targetAgencyId: ph.id,
        accountId: acc.id,
        amount: '900',
        currency: 'EUR',
        originTransactionIds: [imp.json().ids[0]],
        legalBasis: 'Urgent request',
        deadlineHours: 4,
        caseRef: 'TH-EXP',
        send: true,
      })
    ).json();
    expect(f.state).toBe('sent');
    const topics = async () =>
      (
        await sql<{ topic: string }>`select topic from outbox where data->>'freezeId' = ${f.id} order by id`.execute(
          t().database(),
        )
      ).rows.map((r) => r.topic);
    t().clock.advance(2 * 3_600_000);
    await t().jobs.runDue();
    expect(await topics()).toEqual(['finance.freeze.sent']);
    t().clock.advance(3_600_000);
    await t().jobs.runDue();
    expect(await topics()).toEqual(['finance.freeze.sent', 'finance.freeze.expiring']);
    t().clock.advance(3_600_000);
    await t().jobs.runDue();
    expect(await topics()).toEqual(['finance.freeze.sent', 'finance.freeze.expiring', 'finance.freeze.expired']);
    // Sessions time out while the clock moves: sign in again.
    const again = await financeUser(t(), th);
    const after = (await call(again, 'GET', `/api/finance/freezes/${f.id}`)).json();
    expect(after.state).toBe('expired');
    expect(after.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'sent', 'expired']);
  });

  it('ranks collection accounts and mules with their evidence', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const c = await financeUser(t(), th);
    const collection = { type: 'iban', value: germanIban('collect') };
    const mule = { type: 'iban', value: germanIban('mule') };
    const victims = ['TH', 'PH', 'KE', 'BR'].map((cc, i) => ({
      sourceKey: `det-${i}`,
      to: collection,
      amount: '250.00',
      currency: 'EUR',
      occurredAt: `2026-05-0${i + 1}T08:00:00Z`,
      victimRef: `DV-${i}`,
      victimCountry: cc,
    }));
    await call(c, 'POST', '/api/finance/transactions/import', {
      source: 'str',
      marking: GREEN,
      rows: [
        ...victims,
        {
          sourceKey: 'det-out',
          from: collection,
          to: mule,
          amount: '990',
          currency: 'EUR',
          occurredAt: '2026-05-04T09:00:00Z',
        },
      ],
    });
    const found = (await call(c, 'GET', '/api/finance/detections')).json();
    const col = found.find(
      (d: { kind: string; key: string }) => d.kind === 'collection' && d.key === `iban:${germanIban('collect')}`,
    );
    expect(col.evidence[0]).toBe('4 victims from 4 countries paid in');
  });
});
