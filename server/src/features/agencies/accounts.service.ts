import type { Me, Region, Role } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import { CredentialCache } from '../../platform/auth/credential-cache.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.ts';
import type { PrincipalResolver, SessionLookup } from '../../platform/auth/plugin.ts';
import { matchTotp } from '../../platform/auth/totp.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { type FieldCipher, hashToken, newToken } from '../../platform/crypto/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import { NotFoundError, TooManyAttemptsError, UnauthorizedError } from '../../platform/http/errors.ts';
import type { AgenciesRepository } from './agencies.repository.ts';
import { lockoutMs, POLICY } from './policy.ts';
import { normaliseRecoveryCode } from './recovery-codes.ts';
import type { SessionsRepository } from './sessions.repository.ts';
import type { TokensRepository } from './tokens.repository.ts';
import { toUser, type UserRow, type UsersRepository } from './users.repository.ts';

export interface AccountsDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  cipher: FieldCipher;
  agencies: AgenciesRepository;
  users: UsersRepository;
  sessions: SessionsRepository;
  tokens: TokensRepository;
}

export interface ClientMeta {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export type LoginOutcome =
  | { mfaRequired: false; me: Me; token: string; expiresAt: Date }
  | { mfaRequired: true; challenge: string };

const WRONG = 'Wrong e-mail or password.';

export function viewerOfUser(
  u: Pick<UserRow, 'id' | 'agency_id' | 'roles'>,
  a: { country: string; region: string },
): Viewer {
  return {
    kind: 'user',
    userId: u.id,
    tokenId: null,
    agencyId: u.agency_id,
    country: a.country,
    region: a.region as Region,
    roles: u.roles as Role[],
    scopes: null,
  };
}

/** Sign-in, MFA step, sessions and API-token lookup: the doors into Cordon. */
export class AccountsService implements PrincipalResolver {
  constructor(private readonly d: AccountsDeps) {}

  async login(email: string, password: string, meta: ClientMeta): Promise<LoginOutcome> {
    const { database, clock, users, sessions } = this.d;
    const key = email.trim().toLowerCase();
    const now = clock.now();
    const throttle = await sessions.throttle(database.db, key);
    if (throttle?.locked_until && throttle.locked_until > now) {
      throw new TooManyAttemptsError(Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 1000));
    }
    const user = await users.byEmail(database.db, key);
    let ok = false;
    if (user && !user.disabled) ok = await verifyPassword(user.password_hash, password);
    else await burnPasswordCheck(password);
    if (!user || !ok) {
      await this.fail(key, user?.id ?? null, 'auth.login_failed', meta);
      throw new UnauthorizedError(WRONG);
    }
    if (user.totp_secret_enc) {
      const challenge = newToken('cdm');
      await database.transaction((tx) =>
        sessions.createChallenge(tx, {
          idHash: hashToken(challenge),
          userId: user.id,
          expiresAt: new Date(now.getTime() + POLICY.mfaChallengeMs),
        }),
      );
      return { mfaRequired: true, challenge };
    }
    return { mfaRequired: false, ...(await this.openSession(user, key, meta, 'password')) };
  }

  async completeMfa(challenge: string, code: string, meta: ClientMeta) {
    const { database, clock, users, sessions, cipher } = this.d;
    const now = clock.now();
    const idHash = hashToken(challenge);
    const found = await database.transaction((tx) => sessions.attemptChallenge(tx, idHash, now));
    if (!found || found.attempts > POLICY.mfaChallengeAttempts) {
      if (found) await database.transaction((tx) => sessions.deleteChallenge(tx, idHash));
      throw new UnauthorizedError('This sign-in step has expired. Start again with your password.');
    }
    const user = await users.byId(database.db, found.user_id);
    if (!user?.totp_secret_enc || user.disabled) throw new UnauthorizedError(WRONG);
    const key = user.email.toLowerCase();
    const throttle = await sessions.throttle(database.db, key);
    if (throttle?.locked_until && throttle.locked_until > now) {
      throw new TooManyAttemptsError(Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 1000));
    }
    const step = matchTotp(cipher.decrypt(user.totp_secret_enc), code.trim(), now);
    let method: string | null = null;
    if (step !== null && (user.totp_last_step === null || step > user.totp_last_step)) {
      await database.transaction((tx) => users.update(tx, user.id, { totp_last_step: step }));
      method = 'totp';
    } else if (step === null) {
      const used = await database.transaction((tx) =>
        users.useRecoveryCode(tx, user.id, hashToken(normaliseRecoveryCode(code)), now),
      );
      if (used) method = 'recovery-code';
    }
    if (!method) {
      await this.fail(key, user.id, 'auth.mfa_failed', meta);
      throw new UnauthorizedError('The code is not valid.');
    }
    await database.transaction((tx) => sessions.deleteChallenge(tx, idHash));
    return this.openSession(user, key, meta, method);
  }

  private async openSession(user: UserRow, key: string, meta: ClientMeta, method: string) {
    const { database, clock, users, sessions, agencies, audit } = this.d;
    const now = clock.now();
    const token = newToken('cds');
    const expiresAt = new Date(now.getTime() + POLICY.sessionIdleMs);
    const agency = await agencies.get(database.db, user.agency_id);
    if (!agency) throw new NotFoundError('agency');
    const updated = await database.transaction(async (tx) => {
      await sessions.clearThrottle(tx, key);
      await sessions.create(tx, {
        idHash: hashToken(token),
        userId: user.id,
        expiresAt,
        now,
        userAgent: meta.userAgent,
        ip: meta.ip,
      });
      const u = await users.update(tx, user.id, { last_login_at: now });
      await audit(
        tx,
        { viewer: viewerOfUser(user, agency), requestId: meta.requestId ?? null },
        {
          action: 'auth.login',
          objectType: 'user',
          objectId: user.id,
          details: { method, ip: meta.ip ?? null },
        },
      );
      return u;
    });
    return { me: { user: toUser(updated), agency }, token, expiresAt };
  }

  private async fail(key: string, userId: string | null, action: string, meta: ClientMeta) {
    const { database, clock, sessions, audit } = this.d;
    await database.transaction(async (tx) => {
      const failures = await sessions.recordFailure(tx, key, clock.now(), lockoutMs);
      await audit(
        tx,
        { viewer: null, requestId: meta.requestId ?? null },
        {
          action,
          objectType: 'user',
          objectId: userId,
          details: { email: key, failures, ip: meta.ip ?? null },
        },
      );
    });
  }

  async logout(viewer: Viewer, token: string | undefined, meta: ClientMeta): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      if (token) await this.d.sessions.delete(tx, hashToken(token));
      await this.d.audit(
        tx,
        { viewer, requestId: meta.requestId ?? null },
        { action: 'auth.logout', objectType: 'user', objectId: viewer.userId },
      );
    });
  }

  async me(viewer: Viewer): Promise<Me> {
    const { database, users, agencies } = this.d;
    const user = viewer.userId ? await users.byId(database.db, viewer.userId) : undefined;
    const agency = await agencies.get(database.db, viewer.agencyId);
    if (!user || !agency) throw new UnauthorizedError();
    return { user: toUser(user), agency };
  }

  async fromSession(token: string): Promise<SessionLookup | null> {
    const { database, clock, sessions } = this.d;
    const now = clock.now();
    const idHash = hashToken(token);
    const row = await sessions.principal(database.db, idHash, now);
    if (!row) return null;
    const viewer = viewerOfUser({ id: row.user_id, agency_id: row.agency_id, roles: row.roles }, row);
    const absoluteEnd = row.created_at.getTime() + POLICY.sessionAbsoluteMs;
    const expiresAt = new Date(Math.min(absoluteEnd, now.getTime() + POLICY.sessionIdleMs));
    if (now.getTime() - row.rotated_at.getTime() >= POLICY.sessionRotateMs) {
      const rotated = newToken('cds');
      await database.transaction(async (tx) => {
        await sessions.create(tx, {
          idHash: hashToken(rotated),
          userId: row.user_id,
          expiresAt,
          now,
          createdAt: row.created_at,
        });
        await sessions.expireAt(tx, idHash, new Date(now.getTime() + POLICY.rotationGraceMs));
      });
      return { viewer, rotatedToken: rotated, expiresAt };
    }
    if (now.getTime() - row.last_seen_at.getTime() >= POLICY.touchEveryMs) {
      await database.transaction((tx) => sessions.touch(tx, idHash, now, expiresAt));
    }
    return { viewer, expiresAt: row.expires_at };
  }

  async fromApiToken(token: string): Promise<Viewer | null> {
    const { database, clock, tokens } = this.d;
    const now = clock.now();
    const tokenHash = hashToken(token);
    const cached = apiTokenCache.get(tokenHash, now);
    if (cached) return cached;
    const row = await tokens.active(database.db, tokenHash, now);
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= POLICY.touchEveryMs) {
      await database.transaction((tx) => tokens.touch(tx, row.id, now));
    }
    const viewer: Viewer = {
      kind: 'token',
      userId: null,
      tokenId: row.id,
      agencyId: row.agency_id,
      country: row.country,
      region: row.region as Region,
      roles: [],
      scopes: row.scopes as Viewer['scopes'],
    };
    apiTokenCache.set(tokenHash, viewer, row.expires_at);
    return viewer;
  }
}

/**
 * API tokens resolved in the last two seconds on this node (a token's scopes and agency never
 * change; revocation on this node clears it, elsewhere it takes effect within the two seconds).
 */
export const apiTokenCache = new CredentialCache<Viewer>(2_000);
