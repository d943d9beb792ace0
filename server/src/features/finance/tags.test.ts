import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { tronHex } from './synthetic.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } as const;

async function financeUser(t: TestContext, agency: TestAgency) {
  return t.login(await t.newUser({ agency, roles: ['finance'] }));
}

interface Tag {
  agencyId: string;
  tag: string;
  note: string;
  marking: { tlp: string; audience: { kind: string } };
}

// Two agencies tag the same wallet: another agency's tag shows, with its agency and note, only
// where the tag's marking lets the viewer see it; its own agency's tags always.
describe.each(drivers)('account tags under markings on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t().app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('shows another agency its tags only where their markings allow, on the account, the list and the trace', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const a = await financeUser(t(), th);
    const b = await financeUser(t(), ph);
    const wallet = { type: 'crypto', value: tronHex('tagged') };
    const imported = await call(a, 'POST', '/api/finance/transactions/import', {
      source: 'chain',
      marking: GREEN,
      rows: [
        {
          sourceKey: 'tag-1',
          to: wallet,
          amount: '100',
          currency: 'USDT',
          occurredAt: '2026-05-01T10:00:00Z',
          victimRef: 'V-1',
        },
      ],
    });
    expect(imported.statusCode).toBe(200);
    const txId = imported.json().ids[0] as string;
    const id = (await call(a, 'POST', '/api/finance/accounts', wallet)).json().id as string;
    const tag = (cookie: string, body: object) => call(cookie, 'POST', `/api/finance/accounts/${id}/tags`, body);

    // TH: "mule" with no marking (defaults to TH only), "exchange" with none (defaults to all),
    // "collection" marked AMBER to PH by name.
    expect((await tag(a, { tag: 'mule', note: 'TH case 12' })).statusCode).toBe(200);
    expect((await tag(a, { tag: 'exchange', note: 'hot wallet' })).statusCode).toBe(200);
    const toPh = {
      tlp: 'AMBER',
      pap: 'AMBER',
      reliability: 'B',
      credibility: '2',
      audience: { kind: 'agencies', agencyIds: [ph.id] },
    };
    expect((await tag(a, { tag: 'collection', note: 'shared with PH', marking: toPh })).statusCode).toBe(200);
    // PH: its own "mule" tag, default marking (PH only).
    expect((await tag(b, { tag: 'mule', note: 'PH lead' })).statusCode).toBe(200);

    const seen = async (cookie: string) =>
      ((await call(cookie, 'GET', `/api/finance/accounts/${id}`)).json().account.tags as Tag[])
        .map((x) => `${x.agencyId === th.id ? 'TH' : 'PH'}:${x.tag}:${x.note}`)
        .sort();
    expect(await seen(a)).toEqual(['TH:collection:shared with PH', 'TH:exchange:hot wallet', 'TH:mule:TH case 12']);
    expect(await seen(b)).toEqual(['PH:mule:PH lead', 'TH:collection:shared with PH', 'TH:exchange:hot wallet']);
    // A third agency sees only the community tag.
    const ke = await financeUser(t(), await t().newAgency({ country: 'KE' }));
    expect(await seen(ke)).toEqual(['TH:exchange:hot wallet']);

    // Each tag carries its marking; the default for a suspicion is the tagging agency only.
    const own = (await call(a, 'GET', `/api/finance/accounts/${id}`)).json().account.tags as Tag[];
    expect(own.find((x) => x.tag === 'mule')?.marking).toMatchObject({
      tlp: 'AMBER',
      audience: { kind: 'agencies', agencyIds: [th.id] },
    });
    expect(own.find((x) => x.tag === 'exchange')?.marking).toMatchObject({ tlp: 'GREEN', audience: { kind: 'all' } });

    // The list and the trace apply the same rule.
    const listed = (await call(ke, 'GET', '/api/finance/accounts?limit=200')).json();
    const row = listed.find((x: { id: string }) => x.id === id);
    expect(row.tags.map((x: Tag) => x.tag)).toEqual(['exchange']);
    const traced = (
      await call(ke, 'POST', '/api/finance/trace', { transactionIds: [txId], model: 'fifo', hops: 2 })
    ).json();
    expect(traced.nodes.find((n: { accountId: string }) => n.accountId === id).tags).toEqual(['exchange']);

    // Re-marking a tag changes who sees it; a bad marking is refused with its field.
    await tag(a, { tag: 'mule', note: 'TH case 12', marking: GREEN });
    expect(await seen(ke)).toEqual(['TH:exchange:hot wallet', 'TH:mule:TH case 12']);
    const bad = await tag(a, {
      tag: 'mule',
      marking: { ...toPh, audience: { kind: 'agencies', agencyIds: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('marking');
    // Untagging still removes only the caller's own tag.
    await tag(b, { tag: 'mule', remove: true });
    expect(await seen(b)).toEqual(['TH:collection:shared with PH', 'TH:exchange:hot wallet', 'TH:mule:TH case 12']);
  });
});
