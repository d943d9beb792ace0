import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TEST_KEY, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { buildApp } from '../../app.ts';
import { encryptedColumns } from '../../cli/keys-command.ts';
import { createAuditor } from '../../platform/audit/audit.ts';
import { type RekeyProgress, rekeyAll } from '../../platform/crypto/rekey.ts';
import { FieldCipher, keyIdOf } from '../../platform/crypto/secrets.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
const KEY_A = TEST_KEY;
const KEY_B = Buffer.alloc(32, 11);
const A = keyIdOf(KEY_A);
const B = keyIdOf(KEY_B);

/** Every encrypted value of the rotation's tables, with its table and column. */
const ENC: Array<[string, string]> = [
  ['users', 'totp_secret_enc'],
  ['rescue_persons', 'name_enc'],
  ['rescue_persons', 'dob_enc'],
  ['rescue_persons', 'languages_enc'],
  ['rescue_persons', 'description_enc'],
  ['rescue_cases', 'reporter_enc'],
  ['rescue_cases', 'location_description_enc'],
  ['rescue_timeline', 'note_enc'],
];

describe.each(drivers)('platform key rotation and `cordon keys rekey` on %s', (driver) => {
  const t = useTestApp(driver);
  const appWith = async (secretKey: Buffer, previousSecretKeys: Buffer[] = []) => {
    const app = await buildApp({
      database: t().db.database,
      clock: t().clock,
      secretKey,
      previousSecretKeys,
      events: t().events,
      jobs: new JobRunner({ database: t().db.database, clock: t().clock }),
    });
    await app.ready();
    return app;
  };
  const keysIn = async () => {
    const out: Record<string, number> = {};
    for (const [table, col] of ENC) {
      const rows = await sql<{ k: string; n: number }>`
        select split_part(${sql.ref(col)}, ':', 2) as k, count(*)::int as n from ${sql.table(table)}
        where ${sql.ref(col)} is not null group by 1`.execute(t().database());
      for (const r of rows.rows) out[r.k] = (out[r.k] ?? 0) + Number(r.n);
    }
    return out;
  };
  const rekey = (cipher: FieldCipher, o: { batchSize?: number; onProgress?: (p: RekeyProgress) => void } = {}) =>
    rekeyAll(t().db.database, {
      cipher,
      tables: encryptedColumns(cipher, KEY_B),
      audit: createAuditor(t().clock),
      viewer: null,
      ...o,
    });

  it('reads old values with the previous key, rekeys in resumable batches, then works without the old key', async () => {
    const police = await t().newAgency({ country: 'KH', kind: 'police' });
    const inv = await t().newUser({ agency: police, roles: ['investigator'] });
    const mfaUser = await t().newUser({ agency: police, roles: ['analyst'], mfa: true });
    const cookie = await t().login(inv);
    const call = (app: App) =>
      ({
        get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
        post: (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { cookie }, payload }),
      }) as const;

    // Written under key A (the test app's key).
    const opened = await call(t().app).post('/api/rescue/cases', {
      hostCountry: 'KH',
      persons: [
        { name: 'Nguyễn Thị Hoa', nationality: 'VN', dateOfBirth: '2001-07-09', languages: ['vi'] },
        { name: 'Dara Sok', nationality: 'KH', age: 30, description: 'scar on the left hand' },
        { name: 'Lin Mei', nationality: 'CN', dateOfBirth: '1995-02-11', rowKey: 'R3' },
      ],
      location: { area: 'Sihanoukville', description: 'Building C, 4th floor' },
      reporter: { channel: 'hotline', name: 'Tran Van Minh', contact: 'minh@example.org' },
      consentToContact: true,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const triaged = await call(t().app).post(`/api/rescue/cases/${id}/transitions`, {
      to: 'triaged',
      riskLevel: 'high',
      note: 'the brother called again',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    const before = await keysIn();
    expect(Object.keys(before)).toEqual([A]);
    const blindBefore = (await sql<{ key: string }>`select key from rescue_person_keys`.execute(t().database())).rows;
    const rowKeysBefore = (
      await sql<{ row_key: string }>`select row_key from rescue_persons where case_id = ${id} order by row_key`.execute(
        t().database(),
      )
    ).rows.map((r) => r.row_key);

    // Rotation: B is the key, A is listed as previous; everything reads, new writes are under B.
    const rotated = await appWith(KEY_B, [KEY_A]);
    const read = await call(rotated).get(`/api/rescue/cases/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(
      read
        .json()
        .visiblePersons.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['Dara Sok', 'Lin Mei', 'Nguyễn Thị Hoa']);
    expect(read.json().reporter).toMatchObject({ name: 'Tran Van Minh' });

    // Without A, a read answers a 503 problem that names the missing key id (never a bare 500).
    const withoutA = await appWith(KEY_B, []);
    const refused = await call(withoutA).get(`/api/rescue/cases/${id}`);
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json()).toMatchObject({ type: expect.stringMatching(/key-unavailable$/) });
    expect(refused.json().detail).toContain(`key ${A}`);

    // Without A, the rekey stops at the first value under A, names the key and the variable, and changes nothing.
    await expect(rekey(new FieldCipher(KEY_B))).rejects.toThrow(
      new RegExp(`key ${A}, which is neither the current key \\(${B}.*CORDON_PREVIOUS_SECRET_KEYS`),
    );
    expect(await keysIn()).toEqual(before);

    // A run killed half-way (one row per transaction, stopped at the third batch) keeps its finished batches.
    const ring = new FieldCipher(KEY_B, [KEY_A]);
    let batches = 0;
    await expect(
      rekey(ring, {
        batchSize: 1,
        onProgress: () => {
          if (++batches === 3) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const half = await keysIn();
    expect(half[B]).toBeGreaterThan(0);
    expect(half[A]).toBeGreaterThan(0);
    expect((half[A] ?? 0) + (half[B] ?? 0)).toBe(before[A]);

    // Run again: it finishes; a third run finds nothing to do.
    const progress: RekeyProgress[] = [];
    const counts = await rekey(ring, { batchSize: 2, onProgress: (p) => progress.push(p) });
    const by = Object.fromEntries(counts.map((c) => [c.table, c]));
    expect(by.rescue_persons?.current).toBe(3);
    expect(by.rescue_cases?.current).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(counts.reduce((n, c) => n + c.rewritten, 0)).toBeGreaterThan(0);
    expect(await keysIn()).toEqual({ [B]: before[A] });
    const again = await rekey(ring);
    expect(again.every((c) => c.rewritten === 0)).toBe(true);
    const keyIds = await sql<{ key_id: string }>`select distinct key_id from rescue_persons`.execute(t().database());
    expect(keyIds.rows).toEqual([{ key_id: B }]);
    const audits = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'keys.rekey.batch'`.execute(t().database());
    expect(audits.rows[0]?.n).toBeGreaterThanOrEqual(3);

    // Blind keys and derived row keys were recomputed under B (same number, none left from A); a given row key stays.
    const blindAfter = (await sql<{ key: string }>`select key from rescue_person_keys`.execute(t().database())).rows;
    expect(blindAfter.length).toBe(blindBefore.length);
    expect(blindAfter.filter((k) => blindBefore.some((b) => b.key === k.key))).toEqual([]);
    const rowKeysAfter = (
      await sql<{ row_key: string }>`select row_key from rescue_persons where case_id = ${id} order by row_key`.execute(
        t().database(),
      )
    ).rows.map((r) => r.row_key);
    expect(rowKeysAfter).toContain('R3');
    expect(rowKeysAfter.filter((k) => k.startsWith('h:')).length).toBe(2);
    expect(rowKeysAfter.filter((k) => rowKeysBefore.includes(k))).toEqual(['R3']);

    // A is gone: reads, the TOTP secret, duplicate detection and idempotent re-upload all work under B alone.
    const onlyB = await appWith(KEY_B);
    const after = await call(onlyB).get(`/api/rescue/cases/${id}`);
    expect(after.statusCode, after.body).toBe(200);
    const hoa = after.json().visiblePersons.find((p: { name: string }) => p.name === 'Nguyễn Thị Hoa');
    expect(hoa).toMatchObject({ dateOfBirth: '2001-07-09', languages: ['vi'] });
    expect(
      after.json().timeline.some((e: { summary: string }) => e.summary.endsWith('— the brother called again')),
    ).toBe(true);
    const u = await sql<{ totp_secret_enc: string }>`
      select totp_secret_enc from users where id = ${mfaUser.id}`.execute(t().database());
    expect(new FieldCipher(KEY_B).decrypt(u.rows[0]?.totp_secret_enc as string)).toBe(mfaUser.totpSecret);
    const again2 = await call(onlyB).post(`/api/rescue/cases/${id}/persons`, {
      rows: [{ name: 'Dara Sok', nationality: 'KH', age: 30 }],
    });
    expect(again2.statusCode, again2.body).toBe(200);
    expect(again2.json()).toMatchObject({ created: 0, existing: 1 });
    const other = await call(onlyB).post('/api/rescue/cases', {
      hostCountry: 'KH',
      persons: [{ name: 'Nguyen Thi Hoa', nationality: 'VN', dateOfBirth: '2001-07-09' }],
      consentToContact: false,
    });
    expect(other.statusCode, other.body).toBe(201);
    const matched = await sql<{ n: number }>`
      select count(*)::int as n from rescue_matches m join rescue_persons p on p.id = m.matched_person_id
      where p.case_id = ${id}`.execute(t().database());
    expect(matched.rows[0]?.n).toBe(1);
    await rotated.close();
    await onlyB.close();
    await withoutA.close();
  });
});
