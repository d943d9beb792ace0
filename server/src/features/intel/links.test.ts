import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { chainPendingAudit } from '../../platform/audit/pending.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' };

describe.each(drivers)('link analysis and map on %s', (driver) => {
  const t = useTestApp(driver);

  it('links reports through a shared wallet, finds the path and the network, and hides what the viewer may not read', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const kh = await t().newAgency({ country: 'KH' });
    const secretHolder = await t().newAgency({ country: 'CN' });
    const [cTh, cKh, cCn] = await Promise.all([
      t().login(await t().newUser({ agency: th, roles: ['analyst'] })),
      t().login(await t().newUser({ agency: kh, roles: ['analyst'] })),
      t().login(await t().newUser({ agency: secretHolder, roles: ['analyst'] })),
    ]);
    const post = (cookie: string, payload: object) =>
      t().app.inject({
        method: 'POST',
        url: '/api/intel/reports',
        headers: { cookie },
        payload: { summary: '', moTags: [], ...payload },
      });
    const wallet = 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL';
    const a = await post(cTh, {
      title: 'Boss and wallet',
      marking: GREEN,
      persons: [{ ref: 'boss', names: ['Zhao Wei'], role: 'boss' }],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      scamCentres: [
        {
          ref: 'c',
          name: 'Golden Fortune Park',
          country: 'KH',
          location: { lat: 10.61, lon: 103.52 },
          status: 'active',
        },
      ],
      relationships: [
        { from: 'boss', to: 'w', type: 'controls' },
        { from: 'boss', to: 'c', type: 'operates' },
      ],
    });
    const b = await post(cKh, {
      title: 'Mule paid from the wallet',
      marking: GREEN,
      persons: [{ ref: 'mule', names: ['Chan Dara'], role: 'money-mule' }],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 'w', to: 'mule', type: 'pays' }],
    });
    await post(cCn, {
      title: 'Secret source',
      marking: {
        tlp: 'RED',
        audience: { kind: 'agencies', agencyIds: [secretHolder.id] },
        pap: 'RED',
        reliability: 'A',
        credibility: '1',
      },
      persons: [{ ref: 'src', names: ['Hidden Informant'], role: 'witness' }],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 'src', to: 'w', type: 'uses' }],
    });
    const boss = a.json().entities.find((e: { kind: string }) => e.kind === 'person').id;
    const mule = b.json().entities.find((e: { kind: string }) => e.kind === 'person').id;
    const get = (url: string) => t().app.inject({ method: 'GET', url, headers: { cookie: cTh } });

    const hood = await get(`/api/intel/graph/neighbourhood?node=${boss}&hops=3`);
    expect(hood.statusCode).toBe(200);
    const labels = hood.json().nodes.map((n: { label?: string }) => n.label);
    expect(labels).toEqual(expect.arrayContaining(['Zhao Wei', 'Chan Dara', 'Golden Fortune Park']));
    expect(labels).not.toContain('Hidden Informant');
    expect(labels).not.toContain('Secret source');

    const path = (await get(`/api/intel/graph/path?from=${boss}&to=${mule}`)).json().path;
    expect(path.nodes).toEqual([boss, `crypto:tron:${wallet}`, mule]);

    const nets = (await get('/api/intel/graph/networks')).json();
    expect(nets[0].size).toBeGreaterThanOrEqual(6);
    expect(nets[0].keyPlayers[0].id).toBe(`crypto:tron:${wallet}`);

    const walletEntity = a.json().entities.find((e: { kind: string }) => e.kind === 'selector').id;
    const viaId = (await get(`/api/intel/graph/neighbourhood?node=${walletEntity}&hops=1`)).json();
    expect(viaId.nodes.map((n: { id: string }) => n.id)).toContain(`crypto:tron:${wallet}`);
    const ent = (
      await get(`/api/intel/entities/${a.json().entities.find((e: { kind: string }) => e.kind === 'selector').id}`)
    ).json();
    expect(ent.sameKey.map((e: { reportId: string }) => e.reportId)).toEqual([b.json().id]);

    const net = (await get(`/api/intel/graph/networks/stix?node=${boss}`)).json();
    const reportsInBundle = net.objects
      .filter((o: { type: string }) => o.type === 'report')
      .map((o: { name: string }) => o.name);
    expect(reportsInBundle.sort()).toEqual(['Boss and wallet', 'Mule paid from the wallet']);
    expect(
      net.objects.filter(
        (o: { x_cordon_key?: string; key?: string }) => (o.x_cordon_key ?? o.key) === `crypto:tron:${wallet}`,
      ),
    ).toHaveLength(1);

    const map = (await get('/api/intel/map')).json();
    expect(map.map((m: { label: string }) => m.label)).toContain('Golden Fortune Park');
    expect((await get(`/api/intel/map?moTag=sextortion`)).json()).toEqual([]);
    expect((await get(`/api/intel/graph/neighbourhood?node=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(
      404,
    );

    // The graph is cached per reader on the node; a new submission shows at once, markings still apply.
    const around = async (cookie: string) =>
      (
        await t().app.inject({
          method: 'GET',
          url: `/api/intel/graph/neighbourhood?node=${boss}&hops=3`,
          headers: { cookie },
        })
      )
        .json()
        .nodes.map((n: { label?: string }) => n.label);
    expect(await around(cKh)).not.toContain('Late recruiter');
    await post(cKh, {
      title: 'Late report',
      marking: GREEN,
      persons: [{ ref: 'r', names: ['Late recruiter'], role: 'recruiter' }],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 'r', to: 'w', type: 'uses' }],
    });
    expect(await around(cTh)).toContain('Late recruiter');
    expect(await around(cKh)).toContain('Late recruiter');
    expect(await around(cKh)).not.toContain('Hidden Informant');
    expect(await around(cCn)).toContain('Hidden Informant');
  });
});

describe('reads of shared intelligence are audited', () => {
  const t = useTestApp('pglite');
  it('logs a read of another agency’s report and a lookup, but not a read of one’s own', async () => {
    const a = await t().newAgency({ country: 'TH' });
    const b = await t().newAgency({ country: 'PH' });
    const [ca, cb] = [
      await t().login(await t().newUser({ agency: a, roles: ['analyst'] })),
      await t().login(await t().newUser({ agency: b, roles: ['analyst'] })),
    ];
    const r = await t().app.inject({
      method: 'POST',
      url: '/api/intel/reports',
      headers: { cookie: ca },
      payload: { title: 'Shared', summary: '', marking: GREEN, moTags: [] },
    });
    const id = r.json().id;
    // Reads are committed unchained, then chained in batches: chain them, then look in the chain.
    const reads = async () => {
      await chainPendingAudit(t().db.database);
      const rows = await t()
        .database()
        .selectFrom('audit_log')
        .select(['action', 'actor_agency_id'])
        .where('object_id', '=', id)
        .where('action', '=', 'intel.report.read')
        .execute();
      return rows.length;
    };
    await t().app.inject({ method: 'GET', url: `/api/intel/reports/${id}`, headers: { cookie: ca } });
    expect(await reads()).toBe(0);
    await t().app.inject({ method: 'GET', url: `/api/intel/reports/${id}`, headers: { cookie: cb } });
    expect(await reads()).toBe(1);
    await t().app.inject({
      method: 'POST',
      url: '/api/intel/lookup',
      headers: { cookie: cb },
      payload: { selectors: [{ kind: 'phone', value: '+66812345678' }] },
    });
    await chainPendingAudit(t().db.database);
    const lookups = await t()
      .database()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'intel.lookup')
      .execute();
    expect(lookups.at(-1)?.details).toMatchObject({ selectors: 1, hits: 0 });
  });
});

describe('STIX export over HTTP', () => {
  const t = useTestApp('pglite');
  it('answers a report as a STIX 2.1 bundle with its TLP marking and selectors', async () => {
    const a = await t().newAgency({ country: 'TH' });
    const cookie = await t().login(await t().newUser({ agency: a, roles: ['analyst'] }));
    const r = await t().app.inject({
      method: 'POST',
      url: '/api/intel/reports',
      headers: { cookie },
      payload: {
        title: 'Export me',
        summary: 's',
        marking: GREEN,
        moTags: [],
        selectors: [
          { ref: 'd', kind: 'domain', value: 'lucky-jobs-asia.com' },
          { ref: 'b', kind: 'bank-account', value: '123-4-56789-0', country: 'TH', bank: 'KASITHBK' },
        ],
      },
    });
    const res = await t().app.inject({
      method: 'GET',
      url: `/api/intel/reports/${r.json().id}/stix`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/stix\+json/);
    const bundle = res.json();
    expect(bundle.type).toBe('bundle');
    const types = bundle.objects.map((o: { type: string }) => o.type);
    expect(types).toEqual(expect.arrayContaining(['report', 'identity', 'domain-name']));
    expect(bundle.objects.find((o: { type: string }) => o.type === 'domain-name').value).toBe('lucky-jobs-asia.com');
    expect(bundle.objects.find((o: { type: string }) => o.type === 'report').object_marking_refs).toHaveLength(1);
    const account = bundle.objects.find(
      (o: { type: string; selector_kind?: string }) => o.selector_kind === 'bank-account',
    );
    expect(account?.x_cordon_key ?? account?.key).toMatch(/^bank-account:TH:KASITHBK:/);
  });
});
