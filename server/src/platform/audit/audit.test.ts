import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ManualClock } from '../clock/clock.ts';
import { appendAudit, createAuditor } from './audit.ts';
import { AuditChainer, chainPendingAudit, pendingAuditCount } from './pending.ts';
import { verifyAuditChain } from './verify.ts';

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

describe.each(drivers)('read audits, chained in batches, on %s', (driver) => {
  const t = useTestDb(driver);
  const clock = new ManualClock('2026-05-01T10:00:00.123Z');
  const auditor = createAuditor(clock);
  const count = async (table: 'audit_log' | 'audit_pending') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t().database.db)).rows[0]
      ?.n ?? 0;

  it('commits a read before it resolves, unchained, and chains it later with its fields', async () => {
    await chainPendingAudit(t().database);
    const chained = await count('audit_log');
    await auditor.read(
      t().database,
      { viewer, requestId: 'read-1' },
      { action: 'intel.lookup', objectType: 'lookup', details: { selectors: 3, hits: 1 } },
    );
    expect(await pendingAuditCount(t().database.db)).toBe(1);
    expect(await count('audit_log')).toBe(chained);
    expect(await chainPendingAudit(t().database)).toBe(1);
    expect(await pendingAuditCount(t().database.db)).toBe(0);
    const last = await t()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      seq: chained + 1,
      action: 'intel.lookup',
      object_type: 'lookup',
      actor_agency_id: viewer.agencyId,
      request_id: 'read-1',
      details: { selectors: 3, hits: 1 },
    });
    expect(await verifyAuditChain(t().database.db)).toEqual({ ok: true, rows: chained + 1 });
  });

  it('keeps every concurrent read exactly once, in one line with the writes around it', async () => {
    await chainPendingAudit(t().database);
    const before = await count('audit_log');
    const reads = Array.from({ length: 60 }, (_, i) =>
      auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: `read-${i}` }),
    );
    const writes = Array.from({ length: 5 }, (_, i) =>
      t().database.transaction((tx) => auditor(tx, { viewer }, { action: 'w', objectType: 'o', objectId: `w${i}` })),
    );
    const chains = [chainPendingAudit(t().database, 7), chainPendingAudit(t().database, 7)];
    await Promise.all([...reads, ...writes, ...chains]);
    await chainPendingAudit(t().database, 7);
    expect(await pendingAuditCount(t().database.db)).toBe(0);
    const rows = await t().database.db.selectFrom('audit_log').select('object_id').where('seq', '>', before).execute();
    expect(rows).toHaveLength(65);
    expect(new Set(rows.map((r) => r.object_id)).size).toBe(65);
    expect((await verifyAuditChain(t().database.db)).ok).toBe(true);
  });

  it('a chainer chains what is pending when it stops', async () => {
    const chainer = new AuditChainer(t().database, { afterWriteMs: 60_000, sweepMs: 60_000 });
    await auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: 'at-stop' });
    expect(await pendingAuditCount(t().database.db)).toBeGreaterThan(0);
    await chainer.stop();
    expect(await pendingAuditCount(t().database.db)).toBe(0);
    const row = await t()
      .database.db.selectFrom('audit_log')
      .select('seq')
      .where('object_id', '=', 'at-stop')
      .executeTakeFirst();
    expect(row).toBeDefined();
  });

  it('refuses to change a pending record', async () => {
    await auditor.read(t().database, { viewer }, { action: 'r', objectType: 'o', objectId: 'x' });
    await expect(sql`update audit_pending set action = 'y'`.execute(t().database.db)).rejects.toThrow(/never changed/);
    await chainPendingAudit(t().database);
  });
});
