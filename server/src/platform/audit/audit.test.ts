import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ManualClock } from '../clock/clock.ts';
import { appendAudit, createAuditor } from './audit.ts';
import { canonicalWithoutSeq } from './chain.ts';
import { appendToChain } from './log.ts';
import { AuditChainer, chainPendingAudit, pendingAuditCount } from './pending.ts';
import { verifyAuditChain } from './verify.ts';

const canonicalize = canonicalizeModule as unknown as (input: unknown) => string;

const viewer: Viewer = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  tokenId: null,
  agencyId: '00000000-0000-4000-8000-0000000000aa',
  country: 'TH',
  region: 'Asia',
  roles: ['analyst'],
  scopes: null,
};

describe.each(drivers)('audit chain on %s', (driver) => {
  const t = useTestDb(driver);
  const clock = new ManualClock('2026-05-01T10:00:00.123Z');

  async function write(n: number) {
    for (let i = 0; i < n; i++) {
      clock.advance(1000);
      await t().database.transaction((tx) =>
        appendAudit(
          tx,
          clock,
          { viewer, requestId: `req-${i}` },
          {
            action: 'report.read',
            objectType: 'report',
            objectId: `r${i}`,
            details: { z: 1, a: ['x', { b: 2 }], note: 'Ünïcode ✓' },
          },
        ),
      );
    }
  }

  it('verifies an intact chain and counts its rows', async () => {
    await write(5);
    expect(await verifyAuditChain(t().database.db)).toEqual({ ok: true, rows: 5 });
  });

  it('writes nothing when the transaction that carries it rolls back', async () => {
    const before = await t()
      .database.db.selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      t().database.transaction(async (tx) => {
        await appendAudit(tx, clock, { viewer }, { action: 'x', objectType: 'y' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await t()
      .database.db.selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps a gap-free line under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t().database.transaction((tx) =>
          appendAudit(tx, clock, { viewer }, { action: 'c', objectType: 'o', objectId: String(i) }),
        ),
      ),
    );
    const r = await verifyAuditChain(t().database.db);
    expect(r.ok).toBe(true);
  });

  it('refuses updates and deletes', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t().database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(t().database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first row that was tampered with, and a deleted row', async () => {
    const db = t().database.db;
    // An attacker with table-owner rights switches the guard off and edits row 3.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await sql`update audit_log set details = '{"z":2}'::jsonb where seq = 3`.execute(db);
    let r = await verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, firstBadSeq: 3, rows: 2 });
    // Recomputing row 3's own hash does not help: row 4 no longer links to it.
    await sql`update audit_log set hash = 'f' || substr(hash, 2) where seq = 3`.execute(db);
    r = await verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, firstBadSeq: 3 });
    await sql`delete from audit_log where seq = 3`.execute(db);
    r = await verifyAuditChain(db);
    expect(r).toMatchObject({ ok: false, firstBadSeq: 3, reason: expect.stringMatching(/missing/) });
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  });
});

describe.each(drivers)('read audits, group-committed into the chain, on %s', (driver) => {
  const t = useTestDb(driver);
  const clock = new ManualClock('2026-05-01T10:00:00.123Z');
  const auditor = createAuditor(clock);
  const lastRow = () =>
    t().database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('puts a read in the chain, with its fields, before it resolves', async () => {
    await auditor.read(
      t().database,
      { viewer, requestId: 'read-1' },
      { action: 'intel.lookup', objectType: 'lookup', details: { selectors: 3, hits: 1, note: 'Ünïcode ✓' } },
    );
    expect(await lastRow()).toMatchObject({
      action: 'intel.lookup',
      object_type: 'lookup',
      actor_agency_id: viewer.agencyId,
      actor_user_id: viewer.userId,
      request_id: 'read-1',
      details: { selectors: 3, hits: 1, note: 'Ünïcode ✓' },
    });
    expect((await verifyAuditChain(t().database.db)).ok).toBe(true);
  });

  it('keeps every concurrent read exactly once, in call order, in one line with the writes around it', async () => {
    const before = (await lastRow().catch(() => ({ seq: 0 }))).seq;
    const reads = Array.from({ length: 60 }, (_, i) =>
      auditor.read(
        t().database,
        { viewer },
        { action: 'r', objectType: 'o', objectId: `read-${String(i).padStart(2, '0')}` },
      ),
    );
    const writes = Array.from({ length: 5 }, (_, i) =>
      t().database.transaction((tx) => auditor(tx, { viewer }, { action: 'w', objectType: 'o', objectId: `w${i}` })),
    );
    await Promise.all([...reads, ...writes]);
    const rows = await t()
      .database.db.selectFrom('audit_log')
      .select(['seq', 'object_id'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(65);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => before + 1 + i));
    const readIds = rows.map((r) => r.object_id as string).filter((id) => id.startsWith('read-'));
    expect(readIds).toEqual([...readIds].sort());
    expect(readIds).toHaveLength(60);
    expect((await verifyAuditChain(t().database.db)).ok).toBe(true);
  });

  it('fails every read of an append that fails, and the next append still works', async () => {
    const before = (await lastRow()).seq;
    const broken: Viewer = { ...viewer, agencyId: 'not-a-uuid' };
    const results = await Promise.allSettled([
      auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: 'same-turn-1' }),
      auditor.read(t().database, { viewer: broken }, { action: 'r', objectType: 'o', objectId: 'same-turn-2' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await lastRow()).seq).toBe(before);
    await auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: 'after' });
    expect(await lastRow()).toMatchObject({ seq: before + 1, object_id: 'after' });
  });

  it('chains the records an earlier version left pending, once, on the sweep or at stop', async () => {
    const insertPending = (objectId: string) =>
      sql`insert into audit_pending (at, actor_agency_id, action, object_type, object_id, details)
          values (now(), ${viewer.agencyId}, 'intel.lookup', 'lookup', ${objectId}, '{"hits":0}')`.execute(
        t().database.db,
      );
    await insertPending('left-1');
    const chainer = new AuditChainer(t().database, { sweepMs: 60_000 });
    await insertPending('left-2');
    await Promise.all([
      chainer.flush(),
      chainPendingAudit(t().database, 1),
      auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: 'new' }),
    ]);
    await insertPending('left-3');
    await chainer.stop();
    expect(await pendingAuditCount(t().database.db)).toBe(0);
    const rows = await t()
      .database.db.selectFrom('audit_log')
      .select('object_id')
      .where('object_id', 'in', ['left-1', 'left-2', 'left-3', 'new'])
      .execute();
    expect(rows.map((r) => r.object_id).sort()).toEqual(['left-1', 'left-2', 'left-3', 'new']);
    expect((await verifyAuditChain(t().database.db)).ok).toBe(true);
  });

  it('refuses to change a pending record', async () => {
    await sql`insert into audit_pending (at, action, object_type) values (now(), 'r', 'o')`.execute(t().database.db);
    await expect(sql`update audit_pending set action = 'y'`.execute(t().database.db)).rejects.toThrow(/never changed/);
    await chainPendingAudit(t().database);
  });
});

describe.each(drivers)('the chain hashed in the database on %s', (driver) => {
  const t = useTestDb(driver);
  // jsonb refuses \u0000 and lone surrogates: text the audit never carries.
  const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const record = fc.record({
    at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    actorUserId: fc.option(fc.uuid(), { nil: null }),
    actorAgencyId: fc.option(fc.uuid(), { nil: null }),
    actorTokenId: fc.option(fc.uuid(), { nil: null }),
    action: text,
    objectType: text,
    objectId: fc.option(text, { nil: null }),
    details: fc.dictionary(text, json, { maxKeys: 5 }),
    requestId: fc.option(text, { nil: null }),
  });

  it('gives every record the hash chain.ts computes (checked by verify), whatever its fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 5 }), async (items) => {
        await t().database.transaction((tx) => appendToChain(tx, items));
        const r = await verifyAuditChain(t().database.db);
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('closes the canonical text of a record exactly as canonicalize does with its seq', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 1, max: 2 ** 52 }), (item, seq) => {
        const fields = { ...item, at: item.at.toISOString() };
        expect(`${canonicalWithoutSeq(fields)},"seq":${seq}}`).toBe(canonicalize({ ...fields, seq }));
      }),
    );
  });
});
