import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/platform/db/migrate.ts';
import { drivers, useTestDb } from './db.ts';

describe.each(drivers)('database layer on %s', (driver) => {
  const t = useTestDb(driver);

  it('has applied every migration once, and applying again does nothing', async () => {
    const { database } = t();
    const files = await readMigrations();
    const rows = await sql<{ name: string }>`select name from schema_migrations order by version`.execute(database.db);
    expect(rows.rows.map((r) => r.name)).toEqual(files.map((f) => f.name));
    expect(await migrate(database)).toEqual([]);
  });

  it('returns the same value shapes on both drivers', async () => {
    const { database } = t();
    const r = await sql<{
      i: number;
      n: string;
      d: string;
      ts: Date;
      j: unknown;
      a: string[];
    }>`select 42::int8 as i, 1.10::numeric as n, '2026-03-01'::date as d, now() as ts, '{"a":[1]}'::jsonb as j, array['x','y'] as a`.execute(
      database.db,
    );
    expect(r.rows[0]).toMatchObject({ i: 42, n: '1.10', d: '2026-03-01', j: { a: [1] }, a: ['x', 'y'] });
    expect(r.rows[0]?.ts).toBeInstanceOf(Date);
  });

  it('rolls a failed transaction back completely', async () => {
    const { database } = t();
    await expect(
      database.transaction(async (tx) => {
        await tx
          .insertInto('agencies')
          .values({ name: 'Rollback Police', country: 'FR', region: 'Europe', kind: 'police' })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const n = await database.db.selectFrom('agencies').where('name', '=', 'Rollback Police').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('keeps concurrent transactions apart', async () => {
    const { database } = t();
    const names = Array.from({ length: 8 }, (_, i) => `Concurrent Unit ${i}`);
    await Promise.all(
      names.map((name, i) =>
        database
          .transaction(async (tx) => {
            await tx.insertInto('agencies').values({ name, country: 'DE', region: 'Europe', kind: 'police' }).execute();
            if (i % 2 === 1) throw new Error('odd ones fail');
          })
          .catch(() => undefined),
      ),
    );
    const rows = await database.db
      .selectFrom('agencies')
      .where('name', 'like', 'Concurrent Unit %')
      .select('name')
      .execute();
    expect(rows.map((r) => r.name).sort()).toEqual(names.filter((_, i) => i % 2 === 0));
  });
});
