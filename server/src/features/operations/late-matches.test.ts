import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { toEnvelope } from '../../platform/events/outbox.repository.ts';
import { LATE_MATCH_CONSUMER } from './late-matches.ts';
import { type Member, operationsHelpers } from './operations.test-support.ts';

describe.each(drivers)('deconfliction of late intelligence matches on %s', (driver) => {
  const t = useTestApp(driver);
  const { member, plan, alerts, reportCentre: centre } = operationsHelpers(t);

  const conflictsOf = async (m: Member) => (await m.http.get('/api/operations/conflicts')).json() as unknown[];
  /** Every hit alert in the outbox, as the bus delivers it. */
  const hitAlerts = async () =>
    (
      await t()
        .database()
        .selectFrom('outbox')
        .select(['id', 'topic', 'data', 'audience', 'created_at'])
        .where('topic', '=', 'intel.hit.alert')
        .execute()
    ).map(toEnvelope);
  /** Waits until the consumer has applied every hit alert committed so far. */
  const settled = async () => {
    const expected = (await hitAlerts()).length;
    await vi.waitFor(
      async () => {
        const { n } = await t()
          .database()
          .selectFrom('event_consumptions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('consumer', '=', LATE_MATCH_CONSUMER)
          .executeTakeFirstOrThrow();
        expect(Number(n)).toBe(expected);
      },
      { timeout: 15_000, interval: 100 },
    );
  };
  /** Delivers every hit alert again, to the handler itself (past the consumer's record) and on the bus. */
  const replay = async () => {
    let raised = 0;
    for (const e of await hitAlerts()) {
      raised += await t().db.database.transaction((tx) => t().app.features.operations.lateMatches.apply(tx, e));
      await t().events.bus.publish(e);
    }
    return raised;
  };

  it('raises the conflict when intelligence later finds two operations’ compounds to be one, once', async () => {
    const [th, kh, ph] = [await member(t(), 'TH'), await member(t(), 'KH'), await member(t(), 'PH')];
    // Two records far apart under different names: no hit, and two targets that do not meet.
    const a = await centre(th, { name: 'Dara Sakor Block 7', location: { lat: 10.91, lon: 103.21 } });
    const b = await centre(kh, { name: 'Sunrise Park Building C', location: { lat: 11.62, lon: 104.91 } });
    expect(b.hits).toHaveLength(0);
    const opTh = await plan(th, [], 'Late TH');
    const opKh = await plan(kh, [], 'Late KH');
    const add = (m: Member, op: string, entityId: string) =>
      m.http.post(`/api/operations/${op}/targets`, { priority: 'high', entityId });
    expect((await add(th, opTh, a.entities[0]?.id as string)).json().conflicts).toBe(0);
    expect((await add(kh, opKh, b.entities[0]?.id as string)).json().conflicts).toBe(0);
    await settled();
    expect(await conflictsOf(th)).toHaveLength(0);

    // The Philippines knows the compound by both names: intelligence links it to each record.
    const c = await centre(ph, { name: 'Dara Sakor Block 7', aliases: ['Sunrise Park Building C'] });
    expect(c.hits.filter((h) => h.kind === 'scam-centre')).toHaveLength(2);
    await vi.waitFor(async () => expect(await conflictsOf(th)).toHaveLength(1), { timeout: 15_000, interval: 100 });
    await settled();

    // As for a direct match: one alert to each owner, naming only the other's agency and contact.
    const [thConflict] = await conflictsOf(th);
    expect(thConflict).toMatchObject({
      status: 'open',
      mine: { operationId: opTh },
      other: { agencyId: kh.agency.id, country: 'KH', contactPoint: 'Late KH desk +66 2 000 0000' },
    });
    expect(JSON.stringify(thConflict)).not.toContain(opKh);
    const [khConflict] = await conflictsOf(kh);
    expect(khConflict).toMatchObject({ mine: { operationId: opKh }, other: { agencyId: th.agency.id } });
    expect(await alerts(th.agency.id)).toHaveLength(1);
    expect(await alerts(kh.agency.id)).toHaveLength(1);
    expect(await alerts(ph.agency.id)).toHaveLength(0);
    expect((await alerts(th.agency.id))[0]?.data).toMatchObject({
      operationId: opTh,
      contactPoint: 'Late KH desk +66 2 000 0000',
    });
    expect(JSON.stringify(await alerts(th.agency.id))).not.toContain(opKh);
    expect((await th.http.get(`/api/operations/${opTh}/targets`)).json()[0]).toMatchObject({ conflicts: 1 });

    // Replayed events change nothing: no second conflict, no second alert.
    expect(await replay()).toBe(0);
    await settled();
    expect(await conflictsOf(th)).toHaveLength(1);
    expect(await conflictsOf(kh)).toHaveLength(1);
    expect(await alerts(th.agency.id)).toHaveLength(1);
    expect(await alerts(kh.agency.id)).toHaveLength(1);
    // The re-keyed target meets what comes next directly: a third operation on the Philippine record.
    const opPh = await plan(ph, [], 'Late PH');
    expect((await add(ph, opPh, c.entities[0]?.id as string)).json().conflicts).toBe(2);
  });

  it('raises the conflict between a target and another agency’s register entry the same way, once', async () => {
    const [th, my, ph] = [await member(t(), 'TH'), await member(t(), 'MY'), await member(t(), 'PH')];
    const a = await centre(th, { name: 'Koh Kong Tower 2', location: { lat: 11.61, lon: 102.98 } });
    const b = await centre(my, { name: 'Golden Bay Resort', location: { lat: 10.61, lon: 104.18 } });
    expect(b.hits).toHaveLength(0);
    const op = await plan(th, [], 'Tower TH');
    expect(
      (await th.http.post(`/api/operations/${op}/targets`, { priority: 'high', entityId: a.entities[0]?.id })).json()
        .conflicts,
    ).toBe(0);
    const reg = await my.http.post('/api/operations/register', {
      entityId: b.entities[0]?.id,
      contactPoint: 'MY undercover desk',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(await conflictsOf(my)).toHaveLength(0);

    await centre(ph, { name: 'Golden Bay Resort', aliases: ['Koh Kong Tower 2'] });
    await vi.waitFor(async () => expect(await conflictsOf(my)).toHaveLength(1), { timeout: 15_000, interval: 100 });
    await settled();
    expect(await conflictsOf(my)).toEqual([
      expect.objectContaining({
        mine: expect.objectContaining({ registerEntryId: reg.json().id, operationId: null }),
        other: expect.objectContaining({ agencyId: th.agency.id, contactPoint: 'Tower TH desk +66 2 000 0000' }),
      }),
    ]);
    expect(await conflictsOf(th)).toHaveLength(1);
    expect(await alerts(my.agency.id)).toHaveLength(1);
    expect(await alerts(th.agency.id)).toHaveLength(1);
    expect(await replay()).toBe(0);
    await settled();
    expect(await conflictsOf(my)).toHaveLength(1);
    expect(await alerts(my.agency.id)).toHaveLength(1);
  });
});
