import { randomBytes } from 'node:crypto';
import type { LookupResult, NewReport } from '@cordon/contracts';
import { sql } from 'kysely';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_KEY, type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers, TEST_DATABASE_URL } from '../../../test/db.ts';
import { type App, buildApp } from '../../app.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { type Database, type Db, openDatabase } from '../../platform/db/database.ts';
import { createEventsPlatform, type EventsPlatform } from '../../platform/events/platform.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { reportsChanged, type SelectorIndex } from './selector-index.ts';

const NATS_URL = process.env.NATS_TEST_URL ?? process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

async function natsProblem(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return null;
    } finally {
      await nc.close();
    }
  } catch (e) {
    return (e as Error).message;
  }
}
const natsIssue = await natsProblem();
if (natsIssue)
  console.warn(
    `[cordon tests] selector index: the two-node test on PostgreSQL runs without NATS (the nodes meet through the outbox only): ${NATS_URL} is not usable with JetStream (${natsIssue})`,
  );
const run = randomBytes(4).toString('hex');

const GREEN_ALL = {
  tlp: 'GREEN',
  audience: { kind: 'all' },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
} as const;
const amberTo = (ids: string[]) =>
  ({
    tlp: 'AMBER',
    audience: { kind: 'agencies', agencyIds: ids },
    pap: 'AMBER',
    reliability: 'C',
    credibility: '3',
  }) as const;

/** The index and the database hold the same keys, with the same holders, owners, grades and markings. */
async function expectAgrees(index: SelectorIndex, db: Db): Promise<number> {
  const rows = await db
    .selectFrom('entities as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select([
      'e.key',
      'r.id',
      'r.owner_agency_id',
      'r.reliability',
      'r.credibility',
      'r.tlp',
      'r.audience_kind',
      'r.audience_regions',
      'r.audience_agencies',
      'r.disclosed_to',
    ])
    .where('e.key', 'is not', null)
    .execute();
  const want = new Map<string, Set<string>>();
  for (const r of rows) {
    const audience =
      r.audience_kind === 'regions'
        ? { kind: 'regions', regions: r.audience_regions }
        : r.audience_kind === 'agencies'
          ? { kind: 'agencies', agencyIds: r.audience_agencies }
          : { kind: 'all' };
    const line = JSON.stringify([
      r.id,
      r.owner_agency_id,
      `${r.reliability}${r.credibility}`,
      r.tlp,
      audience,
      [...r.disclosed_to].sort(),
    ]);
    want.set(r.key as string, (want.get(r.key as string) ?? new Set()).add(line));
  }
  const got = new Map<string, Set<string>>();
  for (const key of index.keys()) {
    got.set(
      key,
      new Set(
        index
          .holders(key)
          .map((h) =>
            JSON.stringify([
              h.reportId,
              h.ownerAgencyId,
              h.grade,
              h.tlp,
              h.audience,
              [...(h.disclosedTo ?? [])].sort(),
            ]),
          ),
      ),
    );
  }
  expect(got).toEqual(want);
  return want.size;
}

const viewerOf = (agency: TestAgency, userId: string): Viewer => ({
  kind: 'user',
  userId,
  tokenId: null,
  agencyId: agency.id,
  country: agency.country,
  region: agency.region as Viewer['region'],
  roles: ['analyst'],
  scopes: null,
});

describe.each(drivers)('selector index on %s', (driver) => {
  const nats =
    driver === 'postgres' && !natsIssue
      ? { url: NATS_URL, stream: `CORDON_TEST_${run}_IDX`, subjectPrefix: `test_${run}_idx.events` }
      : undefined;
  const t = useTestApp(driver, nats ? { nats } : {});
  /** A second node on the same database: its own app, bus and index; its dispatcher does not run. */
  let node2: { app: App; events: EventsPlatform; database: Database | null } | null = null;

  beforeAll(async () => {
    let database = t().db.database;
    let own: Database | null = null;
    if (driver === 'postgres') {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t().database())).rows[0]?.s;
      own = await openDatabase({ driver: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 2 });
      database = own;
    }
    const events = await createEventsPlatform({
      database,
      clock: t().clock,
      start: false,
      ...(nats ? { natsUrl: nats.url, nats: { stream: nats.stream, subjectPrefix: nats.subjectPrefix } } : {}),
    });
    const app = await buildApp({
      database,
      clock: t().clock,
      secretKey: TEST_KEY,
      events,
      jobs: new JobRunner({ database, clock: t().clock }),
      // With NATS, a poll every minute: what node 2 learns within the test came over the bus.
      selectorIndex: { pollMs: nats ? 60_000 : 200 },
    });
    await app.ready();
    node2 = { app, events, database: own };
  }, 60_000);
  afterAll(async () => {
    await node2?.app.close();
    await node2?.events.close();
    await node2?.database?.close();
    if (nats) {
      const nc = await connect({ servers: NATS_URL });
      await (await nc.jetstreamManager()).streams.delete(nats.stream).catch(() => {});
      await nc.close();
    }
  });

  const submit = (app: App, cookie: string, body: Partial<NewReport> & Pick<NewReport, 'marking'>) =>
    app.inject({
      method: 'POST',
      url: '/api/intel/reports',
      headers: { cookie },
      payload: { title: 'Report', summary: '', moTags: [], ...body },
    });
  const lookup = async (app: App, cookie: string, selectors: object[]): Promise<LookupResult[]> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/intel/lookup',
      headers: { cookie },
      payload: { selectors },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const login = async (ctx: TestContext, agency: TestAgency) => {
    const user = await ctx.newUser({ agency, roles: ['analyst'] });
    return { user, cookie: await ctx.login(user) };
  };
  const lookupAudits = async (agencyId: string) =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where action = 'intel.lookup' and actor_agency_id = ${agencyId}`.execute(
        t().database(),
      )
    ).rows[0]?.n;

  it('agrees with the database after a submission, a batch import, a disclosure, a withdrawal and a marking change', async () => {
    const index = t().app.features.intel.index;
    const [a, b, c] = [
      await t().newAgency({ country: 'TH' }),
      await t().newAgency({ country: 'PH' }),
      await t().newAgency({ country: 'KE' }),
    ];
    const [la, lb, lc] = [await login(t(), a), await login(t(), b), await login(t(), c)];
    const r1 = await submit(t().app, la.cookie, {
      marking: GREEN_ALL,
      selectors: [
        { ref: 'p', kind: 'phone', value: '081 555 0101' },
        { ref: 'w', kind: 'email', value: 'Boss@Example.org' },
      ],
    });
    expect(r1.statusCode).toBe(201);
    const r2 = await submit(t().app, lb.cookie, {
      marking: amberTo([c.id]),
      selectors: [{ ref: 'p', kind: 'phone', value: '+66 81 555 0101' }],
    });
    expect(r2.statusCode).toBe(201);
    expect(await expectAgrees(index, t().database())).toBeGreaterThanOrEqual(2);

    const out = await t().app.features.intel.reports.submitBatch([
      {
        viewer: viewerOf(a, la.user.id),
        input: {
          title: 'B1',
          summary: '',
          moTags: [],
          marking: GREEN_ALL,
          selectors: [{ ref: 'd', kind: 'domain', value: 'batch-one-cordon.com' }],
        },
      },
      {
        viewer: viewerOf(b, lb.user.id),
        input: {
          title: 'B2',
          summary: '',
          moTags: [],
          marking: amberTo([a.id]),
          selectors: [
            { ref: 'd', kind: 'domain', value: 'batch-one-cordon.com' },
            { ref: 'e', kind: 'email', value: 'boss@example.org' },
          ],
        },
      },
      { viewer: viewerOf(c, lc.user.id), input: { title: 'B3', summary: '', moTags: [], marking: GREEN_ALL } },
      {
        viewer: viewerOf(a, la.user.id),
        input: {
          title: 'B4',
          summary: '',
          moTags: [],
          marking: GREEN_ALL,
          selectors: [{ ref: 'd', kind: 'domain', value: 'withdrawn-cordon.com' }],
        },
      },
    ]);
    expect(out.every((o) => o.ok)).toBe(true);
    await expectAgrees(index, t().database());
    // The batch is there for lookups at once (this node applied its own write before answering).
    const [dom] = await lookup(t().app, lc.cookie, [{ kind: 'domain', value: 'BATCH-ONE-cordon.com' }]);
    expect(dom?.holders.map((h) => [h.agencyId, h.visible]).sort()).toEqual(
      [
        [a.id, true],
        [b.id, false],
      ].sort(),
    );

    // Disclosure (the product path): b's record becomes readable by a.
    const mine = await submit(t().app, la.cookie, {
      marking: GREEN_ALL,
      selectors: [{ ref: 'p', kind: 'phone', value: '0815550101' }],
    });
    const hit = mine.json().hits.find((h: { other: { agencyId: string } }) => h.other.agencyId === b.id);
    expect(hit?.other.visible).toBe(false);
    const asked = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hit.id}/disclosure`,
      headers: { cookie: la.cookie },
      payload: { reason: 'same phone in our case' },
    });
    expect(asked.statusCode).toBe(201);
    const [incoming] = (
      await t().app.inject({
        method: 'GET',
        url: '/api/intel/disclosures?direction=incoming',
        headers: { cookie: lb.cookie },
      })
    ).json();
    const decided = await t().app.inject({
      method: 'POST',
      url: `/api/intel/disclosures/${incoming.id}/decision`,
      headers: { cookie: lb.cookie },
      payload: { approve: true, note: null },
    });
    expect(decided.statusCode).toBe(200);
    await expectAgrees(index, t().database());
    const [phone] = await lookup(t().app, la.cookie, [{ kind: 'phone', value: '+66815550101' }]);
    expect(phone?.holders.find((h) => h.agencyId === b.id)?.visible).toBe(true);

    // Withdrawal and re-marking have no route yet; a writer that does either emits the same event
    // in its transaction. Withdraw B4's report, re-mark r1 to TLP:RED for b only.
    const b1 = (out[3] as { reportId: string }).reportId;
    expect((await lookup(t().app, lc.cookie, [{ kind: 'domain', value: 'withdrawn-cordon.com' }]))[0]?.hit).toBe(true);
    await t().db.database.transaction(async (tx) => {
      await tx.deleteFrom('entities').where('report_id', '=', b1).execute();
      await tx.deleteFrom('reports').where('id', '=', b1).execute();
      await tx
        .updateTable('reports')
        .set({ tlp: 'RED', pap: 'RED', audience_kind: 'agencies', audience_agencies: [b.id] })
        .where('id', '=', r1.json().id)
        .execute();
      await reportsChanged(tx, [b1, r1.json().id]);
    });
    await index.catchUp();
    await expectAgrees(index, t().database());
    const [gone, email] = await lookup(t().app, lc.cookie, [
      { kind: 'domain', value: 'withdrawn-cordon.com' },
      { kind: 'email', value: 'boss@example.org' },
    ]);
    expect(gone).toMatchObject({ ok: true, hit: false, holders: [] });
    // c may no longer read a's record: it learns only that it exists, who holds it and its grade.
    expect(email?.holders.find((h) => h.agencyId === a.id)).toMatchObject({ visible: false, grade: 'B2' });
  });

  it('shows a write on one node to a lookup on another node, markings applied and every lookup audited', async () => {
    const n2 = (node2 as NonNullable<typeof node2>).app;
    const [a, b, c] = [
      await t().newAgency({ country: 'MM' }),
      await t().newAgency({ country: 'GB' }),
      await t().newAgency({ country: 'AU' }),
    ];
    const [la, lb, lc] = [await login(t(), a), await login(t(), b), await login(t(), c)];
    const wallet = { kind: 'crypto', value: 'THDJJVcUtqvRr8yqKf46WLZ7VH99DSkcHY' };
    expect((await lookup(n2, lb.cookie, [wallet]))[0]).toMatchObject({ ok: true, hit: false });

    const r = await submit(t().app, la.cookie, {
      marking: amberTo([c.id]),
      selectors: [{ ref: 'w', kind: 'crypto', value: wallet.value }],
    });
    expect(r.statusCode).toBe(201);
    console.info(
      `[selector index on ${driver}] node 2 learns ${nats ? 'over NATS (its own poll runs once a minute)' : 'from the outbox (no bus between the nodes)'}`,
    );
    await vi.waitFor(
      async () => {
        const [seen] = await lookup(n2, lb.cookie, [wallet]);
        expect(seen?.hit).toBe(true);
      },
      { timeout: 15_000, interval: 100 },
    );
    const before = Number(await lookupAudits(b.id));
    const [asB] = await lookup(n2, lb.cookie, [wallet]);
    // b is outside the audience: that it exists, who holds it, its grade; nothing readable.
    expect(asB?.holders).toEqual([
      expect.objectContaining({ agencyId: a.id, country: 'MM', grade: 'C3', visible: false }),
    ]);
    expect(Number(await lookupAudits(b.id))).toBe(before + 1);
    const [asC] = await lookup(n2, lc.cookie, [wallet]);
    expect(asC?.holders).toEqual([expect.objectContaining({ agencyId: a.id, visible: true })]);

    // A batch import on node 1 reaches node 2 too.
    await t().app.features.intel.reports.submitBatch([
      {
        viewer: viewerOf(a, la.user.id),
        input: {
          title: 'Batch',
          summary: '',
          moTags: [],
          marking: GREEN_ALL,
          selectors: [{ ref: 'h', kind: 'domain', value: 'node-two-cordon.com' }],
        },
      },
    ]);
    await vi.waitFor(
      async () => {
        const [seen] = await lookup(n2, lb.cookie, [{ kind: 'domain', value: 'node-two-cordon.com' }]);
        expect(seen?.holders).toEqual([expect.objectContaining({ agencyId: a.id, visible: true })]);
      },
      { timeout: 15_000, interval: 100 },
    );
    await (node2 as NonNullable<typeof node2>).app.features.intel.index.catchUp();
    await expectAgrees((node2 as NonNullable<typeof node2>).app.features.intel.index, t().database());
  });
});
