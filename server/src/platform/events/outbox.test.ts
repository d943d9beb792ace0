import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import { pruneEvents } from './outbox.repository.ts';
import { emit, InvalidEventError, MAX_EVENT_BYTES } from './outbox.ts';
import type { EventAudience, NewEvent } from './types.ts';

describe.each(drivers)('emit on %s', (driver) => {
  const t = useTestDb(driver);
  const tryEmit = (event: NewEvent) => t().database.transaction((tx) => emit(tx, event));

  it('stores topic, data and audience as given', async () => {
    const audience: EventAudience = { kind: 'agencies', agencyIds: ['a'], roles: ['supervisor'] };
    const id = await tryEmit({ topic: 'intel.report.created', data: { reportId: 'r1', n: 2 }, audience });
    const row = await t()
      .database.db.selectFrom('outbox')
      .selectAll()
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      topic: 'intel.report.created',
      data: { reportId: 'r1', n: 2 },
      audience,
      published_at: null,
    });
  });

  it.each([
    ['a topic with a space', { topic: 'intel report', data: {}, audience: { kind: 'members' } }],
    ['a wildcard topic', { topic: 'intel.>', data: {}, audience: { kind: 'members' } }],
    ['an empty topic part', { topic: 'intel..created', data: {}, audience: { kind: 'members' } }],
    ['array data', { topic: 'x', data: [1], audience: { kind: 'members' } }],
    ['an unknown audience', { topic: 'x', data: {}, audience: { kind: 'everyone' } }],
    ['users without a list', { topic: 'x', data: {}, audience: { kind: 'users' } }],
    ['oversized data', { topic: 'x', data: { blob: 'x'.repeat(MAX_EVENT_BYTES) }, audience: { kind: 'members' } }],
  ])('refuses %s', async (_, event) => {
    await expect(tryEmit(event as unknown as NewEvent)).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('prunes published events older than the cut, never unpublished ones', async () => {
    const { database } = t();
    const old = new Date('2020-01-01T00:00:00Z');
    const [published, pending] = await database.transaction(async (tx) => [
      await emit(tx, { topic: 'test.prune', data: {}, audience: { kind: 'members' }, occurredAt: old }),
      await emit(tx, { topic: 'test.prune', data: {}, audience: { kind: 'members' }, occurredAt: old }),
    ]);
    await database.db.updateTable('outbox').set({ published_at: old }).where('id', '=', Number(published)).execute();
    const cut = new Date('2021-01-01T00:00:00Z');
    expect(await pruneEvents(database.db, { publishedBefore: cut, consumedBefore: cut })).toBe(1);
    const left = await database.db.selectFrom('outbox').select('id').where('topic', '=', 'test.prune').execute();
    expect(left.map((r) => String(r.id))).toEqual([pending]);
  });
});
