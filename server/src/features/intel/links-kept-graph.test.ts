import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' };

describe.each(drivers)('the kept visible graph on %s', (driver) => {
  const t = useTestApp(driver);

  it('applies writes (reports, hit decisions) to the kept graph without a rebuild, and agrees with a rebuild', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const kz = await t().newAgency({ country: 'KZ' });
    const cn = await t().newAgency({ country: 'CN' });
    const [cTh, cKz, cCn] = await Promise.all([
      t().login(await t().newUser({ agency: th, roles: ['analyst'] })),
      t().login(await t().newUser({ agency: kz, roles: ['analyst'] })),
      t().login(await t().newUser({ agency: cn, roles: ['analyst'] })),
    ]);
    const post = async (cookie: string, payload: object) => {
      const r = await t().app.inject({
        method: 'POST',
        url: '/api/intel/reports',
        headers: { cookie },
        payload: { summary: '', moTags: [], ...payload },
      });
      expect(r.statusCode).toBe(201);
      return r.json();
    };
    const wallet = 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL';
    const a = await post(cTh, {
      title: 'Recruiter and wallet',
      marking: GREEN,
      persons: [
        { ref: 'p', names: ['Somchai Wattana'], dateOfBirth: '1985-03-02', nationalities: ['TH'], role: 'recruiter' },
      ],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 'p', to: 'w', type: 'uses' }],
    });
    const somchai = a.entities.find((e: { kind: string }) => e.kind === 'person').id;
    const links = t().app.features.intel.links;
    const around = async () => {
      const r = await t().app.inject({
        method: 'GET',
        url: `/api/intel/graph/neighbourhood?node=${somchai}&hops=3`,
        headers: { cookie: cTh },
      });
      expect(r.statusCode).toBe(200);
      return r.json() as { nodes: Array<{ id: string; label?: string }>; edges: Array<{ type: string }> };
    };
    /** The kept graph's answer, then the answer of a graph built afresh: they must agree. */
    const keptAndRebuilt = async () => {
      const kept = await around();
      links.graphs.clear();
      const rebuilt = await around();
      expect(kept).toEqual(rebuilt);
      return kept;
    };
    const labels = (n: { nodes: Array<{ label?: string }> }) => n.nodes.map((x) => x.label);

    const first = await around();
    expect(labels(first)).not.toContain('Chan Dara');
    const builds = links.graphs.stats.builds;
    const updates = links.graphs.stats.updates;

    // Another agency's report: a mule paid from the same wallet, and the same recruiter in Cyrillic.
    const b = await post(cKz, {
      title: 'Mule and recruiter',
      marking: GREEN,
      persons: [
        { ref: 'm', names: ['Chan Dara'], role: 'money-mule' },
        { ref: 'r', names: ['Сомчай Ваттана'], dateOfBirth: '1985', role: 'recruiter' },
      ],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 'w', to: 'm', type: 'pays' }],
    });
    // A report only its holder may read, on the same wallet.
    await post(cCn, {
      title: 'Secret source',
      marking: {
        tlp: 'RED',
        audience: { kind: 'agencies', agencyIds: [cn.id] },
        pap: 'RED',
        reliability: 'A',
        credibility: '1',
      },
      persons: [{ ref: 's', names: ['Hidden Informant'], role: 'witness' }],
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet }],
      relationships: [{ from: 's', to: 'w', type: 'uses' }],
    });
    const second = await around();
    expect(labels(second)).toContain('Chan Dara');
    expect(labels(second)).not.toContain('Hidden Informant');
    expect(second.edges.map((e) => e.type)).toContain('pays');
    expect(links.graphs.stats.builds).toBe(builds); // updated in place, not built again
    expect(links.graphs.stats.updates).toBe(updates + 1);
    expect(await keptAndRebuilt()).toEqual(second);

    // Confirming the fuzzy person hit links the two recruiters; rejecting it takes the link away.
    const hit = b.hits.find((h: { kind: string }) => h.kind === 'person');
    expect(hit).toMatchObject({ kind: 'person', status: 'open' });
    const decide = async (decision: 'confirm' | 'reject') => {
      const r = await t().app.inject({
        method: 'POST',
        url: `/api/intel/hits/${hit.id}/decision`,
        headers: { cookie: cTh },
        payload: { decision, note: null },
      });
      expect(r.statusCode).toBe(200);
    };
    await around(); // kept again after the rebuild above
    const beforeHit = links.graphs.stats.builds;
    await decide('confirm');
    const confirmed = await around();
    expect(confirmed.edges.filter((e) => e.type === 'same-as')).toHaveLength(1);
    expect(labels(confirmed)).toContain('Сомчай Ваттана');
    expect(links.graphs.stats.builds).toBe(beforeHit);
    expect(await keptAndRebuilt()).toEqual(confirmed);

    await around();
    const beforeReject = links.graphs.stats.builds;
    await decide('reject');
    const rejected = await around();
    expect(rejected.edges.filter((e) => e.type === 'same-as')).toEqual([]);
    expect(links.graphs.stats.builds).toBe(beforeReject);
    expect(await keptAndRebuilt()).toEqual(rejected);

    // A disclosure makes the secret report visible to the requester: its entities and the link
    // to the wallet join the kept graph.
    const hits = (
      await t().app.inject({ method: 'GET', url: '/api/intel/hits', headers: { cookie: cTh } })
    ).json() as Array<{ id: string; other: { visible: boolean } }>;
    const hidden = hits.find((h) => !h.other.visible)!;
    expect(hidden).toBeDefined();
    const asked = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hidden.id}/disclosure`,
      headers: { cookie: cTh },
      payload: { reason: 'same wallet' },
    });
    expect(asked.statusCode).toBe(201);
    const incoming = (
      await t().app.inject({
        method: 'GET',
        url: '/api/intel/disclosures?direction=incoming',
        headers: { cookie: cCn },
      })
    ).json();
    await around();
    const beforeDisclosure = links.graphs.stats.builds;
    const answered = await t().app.inject({
      method: 'POST',
      url: `/api/intel/disclosures/${incoming[0].id}/decision`,
      headers: { cookie: cCn },
      payload: { approve: true, note: null },
    });
    expect(answered.statusCode).toBe(200);
    const disclosed = await around();
    expect(labels(disclosed)).toContain('Hidden Informant');
    expect(links.graphs.stats.builds).toBe(beforeDisclosure);
    expect(await keptAndRebuilt()).toEqual(disclosed);
  });
});
