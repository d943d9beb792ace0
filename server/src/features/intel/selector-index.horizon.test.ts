import type { NewReport } from '@cordon/contracts';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers, TEST_DATABASE_URL } from '../../../test/db.ts';
import { type Database, openDatabase } from '../../platform/db/database.ts';
import { SelectorIndex } from './selector-index.ts';

const GREEN_ALL = {
  tlp: 'GREEN',
  audience: { kind: 'all' },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
} as const;

/**
 * The outbox follower's horizon (migration 0020) on PostgreSQL, where transactions of other
 * sessions and other databases run beside Cordon's: PGlite has one session, nothing runs beside it.
 */
describe.runIf(drivers.includes('postgres'))('selector index horizon on postgres', () => {
  const t = useTestApp('postgres');
  /** Another node's index: its own connections, following the outbox by polling only. */
  let other: { database: Database; index: SelectorIndex } | null = null;
  const schema = async () =>
    (await sql<{ s: string }>`select current_schema() as s`.execute(t().database())).rows[0]?.s as string;

  beforeAll(async () => {
    const database = await openDatabase({
      driver: 'postgres',
      url: TEST_DATABASE_URL,
      schema: await schema(),
      poolSize: 2,
    });
    const index = new SelectorIndex(database, { pollMs: 60_000 });
    await index.ready();
    other = { database, index };
  });
  afterAll(async () => {
    await other?.index.stop();
    await other?.database.close();
  });

  const phone = (n: number) => ({
    ref: 'p',
    kind: 'phone' as const,
    value: `+856 20 5555 ${String(n).padStart(4, '0')}`,
  });
  const keyOf = (n: number) => `phone:+856205555${String(n).padStart(4, '0')}`;
  async function submit(cookie: string, n: number) {
    const body: Partial<NewReport> = {
      title: 'Report',
      summary: '',
      moTags: [],
      marking: GREEN_ALL,
      selectors: [phone(n)],
    };
    const res = await t().app.inject({ method: 'POST', url: '/api/intel/reports', headers: { cookie }, payload: body });
    expect(res.statusCode).toBe(201);
  }

  it('follows while another database holds a transaction open', async () => {
    const { index } = other as NonNullable<typeof other>;
    const agency = await t().newAgency({ country: 'LA' });
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = '/postgres';
    const elsewhere = new pg.Client({ connectionString: url.toString() });
    await elsewhere.connect();
    try {
      await elsewhere.query('begin');
      await elsewhere.query('select pg_current_xact_id()');
      await submit(cookie, 1);
      await index.catchUp();
      expect(index.holders(keyOf(1))).toHaveLength(1);
    } finally {
      await elsewhere.query('rollback').catch(() => {});
      await elsewhere.end();
    }
  });

  it('waits for a transaction of its own database that commits late, and then skips nothing', async () => {
    const { index } = other as NonNullable<typeof other>;
    const agency = await t().newAgency({ country: 'LA' });
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    const slow = await openDatabase({
      driver: 'postgres',
      url: TEST_DATABASE_URL,
      schema: await schema(),
      poolSize: 1,
    });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      // An earlier transaction (it has an xid) that has not committed when a later one does.
      const early = slow.transaction(async (tx) => {
        await sql`select pg_current_xact_id()`.execute(tx);
        entered();
        await held;
      });
      await inside;
      await submit(cookie, 2);
      await index.catchUp();
      expect(index.holders(keyOf(2))).toHaveLength(0);
      release();
      await early;
      await index.catchUp();
      expect(index.holders(keyOf(2))).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});
