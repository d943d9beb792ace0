import type { Executor } from '../../platform/db/database.ts';

export interface SessionPrincipalRow {
  id_hash: string;
  user_id: string;
  created_at: Date;
  rotated_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  roles: string[];
  agency_id: string;
  country: string;
  region: string;
}

/** Sessions, MFA challenges and the sign-in throttle. */
export class SessionsRepository {
  async create(
    db: Executor,
    s: {
      idHash: string;
      userId: string;
      expiresAt: Date;
      now: Date;
      createdAt?: Date;
      userAgent?: string | null;
      ip?: string | null;
    },
  ) {
    await db
      .insertInto('sessions')
      .values({
        id_hash: s.idHash,
        user_id: s.userId,
        created_at: s.createdAt ?? s.now,
        rotated_at: s.now,
        last_seen_at: s.now,
        expires_at: s.expiresAt,
        user_agent: s.userAgent ?? null,
        ip: s.ip ?? null,
      })
      .execute();
  }

  /** The live session and who it belongs to (enabled users only). */
  async principal(db: Executor, idHash: string, now: Date): Promise<SessionPrincipalRow | undefined> {
    return db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select([
        's.id_hash',
        's.user_id',
        's.created_at',
        's.rotated_at',
        's.last_seen_at',
        's.expires_at',
        'u.roles',
        'u.agency_id',
        'a.country',
        'a.region',
      ])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', now)
      .where('u.disabled', '=', false)
      .executeTakeFirst();
  }

  async touch(db: Executor, idHash: string, now: Date, expiresAt: Date) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async expireAt(db: Executor, idHash: string, at: Date) {
    await db
      .updateTable('sessions')
      .set({ expires_at: at })
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', at)
      .execute();
  }

  async delete(db: Executor, idHash: string) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteForUser(db: Executor, userId: string) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async createChallenge(db: Executor, c: { idHash: string; userId: string; expiresAt: Date }) {
    await db
      .insertInto('mfa_challenges')
      .values({ id_hash: c.idHash, user_id: c.userId, expires_at: c.expiresAt })
      .execute();
  }

  /** Counts an attempt on a live challenge and returns it (null when unknown or expired). */
  async attemptChallenge(db: Executor, idHash: string, now: Date) {
    return db
      .updateTable('mfa_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .returning(['user_id', 'attempts'])
      .executeTakeFirst();
  }

  async deleteChallenge(db: Executor, idHash: string) {
    await db.deleteFrom('mfa_challenges').where('id_hash', '=', idHash).execute();
  }

  async throttle(db: Executor, emailKey: string) {
    return db.selectFrom('login_throttle').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
  }

  async recordFailure(db: Executor, emailKey: string, now: Date, lockFor: (failures: number) => number) {
    const row = await db
      .insertInto('login_throttle')
      .values({ email_key: emailKey, failures: 1, locked_until: null, last_failure_at: now })
      .onConflict((oc) =>
        oc
          .column('email_key')
          .doUpdateSet((eb) => ({ failures: eb('login_throttle.failures', '+', 1), last_failure_at: now })),
      )
      .returning(['failures'])
      .executeTakeFirstOrThrow();
    const ms = lockFor(row.failures);
    if (ms > 0) {
      await db
        .updateTable('login_throttle')
        .set({ locked_until: new Date(now.getTime() + ms) })
        .where('email_key', '=', emailKey)
        .execute();
    }
    return row.failures;
  }

  async clearThrottle(db: Executor, emailKey: string) {
    await db.deleteFrom('login_throttle').where('email_key', '=', emailKey).execute();
  }
}
