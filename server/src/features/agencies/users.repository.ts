import type { Role, User } from '@cordon/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { UsersTable } from './agencies.tables.ts';

export type UserRow = Selectable<UsersTable>;

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    agencyId: r.agency_id,
    email: r.email,
    displayName: r.display_name,
    roles: r.roles as Role[],
    mfaEnrolled: r.totp_secret_enc !== null,
    disabled: r.disabled,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}

export class UsersRepository {
  async byEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
  }

  async byId(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listByAgency(db: Executor, agencyId: string): Promise<UserRow[]> {
    return db.selectFrom('users').selectAll().where('agency_id', '=', agencyId).orderBy('display_name').execute();
  }

  async insert(
    db: Executor,
    u: {
      agencyId: string;
      email: string;
      displayName: string;
      roles: Role[];
      passwordHash: string;
      totpSecretEnc?: string;
    },
  ): Promise<UserRow> {
    return db
      .insertInto('users')
      .values({
        agency_id: u.agencyId,
        email: u.email,
        display_name: u.displayName,
        roles: u.roles,
        password_hash: u.passwordHash,
        totp_secret_enc: u.totpSecretEnc ?? null,
        totp_pending_enc: null,
        totp_last_step: null,
        last_login_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(
    db: Executor,
    id: string,
    patch: Partial<{
      display_name: string;
      roles: Role[];
      disabled: boolean;
      totp_secret_enc: string | null;
      totp_pending_enc: string | null;
      totp_last_step: number | null;
      last_login_at: Date;
    }>,
  ): Promise<UserRow> {
    return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length > 0) {
      await db
        .insertInto('recovery_codes')
        .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
        .execute();
    }
  }

  /** Marks a recovery code used; true when it existed and was unused. */
  async useRecoveryCode(db: Executor, userId: string, codeHash: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
