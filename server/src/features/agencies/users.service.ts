import type { MfaEnrolment, NewUser, Role, User, UserPatch } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { enrolmentOf, matchTotp, newTotpSecret } from '../../platform/auth/totp.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/secrets.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { AgenciesRepository } from './agencies.repository.ts';
import { POLICY } from './policy.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import type { SessionsRepository } from './sessions.repository.ts';
import { toUser, type UserRow, type UsersRepository } from './users.repository.ts';

export interface UsersDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  cipher: FieldCipher;
  agencies: AgenciesRepository;
  users: UsersRepository;
  sessions: SessionsRepository;
  events: Notifier;
}

const HUB_ROLES: Role[] = ['hub-admin', 'hub-reviewer'];

/** Accounts of an agency, managed by its administrator; MFA enrolment by the user. */
export class UsersService {
  constructor(private readonly d: UsersDeps) {}

  /** Tells the agency's administrators, live, that one of its accounts changed. */
  private emitToAdmins(tx: Tx, topic: string, agencyId: string, data: Record<string, unknown>) {
    return emit(tx, {
      topic: `agencies.user.${topic}`,
      data: { agencyId, ...data },
      audience: { kind: 'agencies', agencyIds: [agencyId], roles: ['agency-admin'] },
      occurredAt: this.d.clock.now(),
    });
  }

  /** Agency admins manage their own agency; the hub admin any agency. Others: 404, as if absent. */
  private async manageable(viewer: Viewer, userId: string): Promise<UserRow> {
    const u = await this.d.users.byId(this.d.database.db, userId);
    if (!u || !(hasRole(viewer, 'hub-admin') || (hasRole(viewer, 'agency-admin') && u.agency_id === viewer.agencyId))) {
      throw new NotFoundError('user');
    }
    return u;
  }

  private async checkRoles(agencyId: string, roles: Role[]) {
    const agency = await this.d.agencies.get(this.d.database.db, agencyId);
    if (!agency) throw ValidationError.field('agencyId', 'no such agency');
    const bad = roles.filter((r) => HUB_ROLES.includes(r));
    if (agency.kind !== 'hub' && bad.length > 0) {
      throw ValidationError.field('roles', `${bad.join(', ')} can only be held by hub staff`);
    }
  }

  async list(viewer: Viewer, agencyId = viewer.agencyId): Promise<User[]> {
    if (agencyId !== viewer.agencyId && !hasRole(viewer, 'hub-admin')) throw new NotFoundError('agency');
    return (await this.d.users.listByAgency(this.d.database.db, agencyId)).map(toUser);
  }

  async create(viewer: Viewer, input: NewUser & { agencyId?: string }, requestId?: string): Promise<User> {
    const agencyId = input.agencyId ?? viewer.agencyId;
    if (agencyId !== viewer.agencyId && !hasRole(viewer, 'hub-admin')) {
      throw new ForbiddenError('Only the hub administrator creates accounts in another agency.');
    }
    await this.checkRoles(agencyId, input.roles);
    const passwordHash = await hashPassword(input.password);
    const user = await this.d.database.transaction(async (tx) => {
      if (await this.d.users.byEmail(tx, input.email)) {
        throw new ConflictError('An account with this e-mail address exists.', [
          { field: 'email', message: 'already in use' },
        ]);
      }
      const u = await this.d.users.insert(tx, {
        agencyId,
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        roles: input.roles,
        passwordHash,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'user.created',
          objectType: 'user',
          objectId: u.id,
          details: { agencyId, roles: input.roles },
        },
      );
      await this.emitToAdmins(tx, 'created', agencyId, {
        userId: u.id,
        displayName: u.display_name,
        roles: input.roles,
      });
      return toUser(u);
    });
    this.d.events.notify();
    return user;
  }

  async update(viewer: Viewer, userId: string, patch: UserPatch, requestId?: string): Promise<User> {
    const target = await this.manageable(viewer, userId);
    if (patch.roles) await this.checkRoles(target.agency_id, patch.roles);
    if (userId === viewer.userId) {
      if (patch.disabled) throw ValidationError.field('disabled', 'you cannot disable your own account');
      const adminRoles: Role[] = ['agency-admin', 'hub-admin'];
      if (patch.roles && adminRoles.some((r) => viewer.roles.includes(r) && !patch.roles?.includes(r))) {
        throw ValidationError.field('roles', 'you cannot remove your own administrator role');
      }
    }
    const updated = await this.d.database.transaction(async (tx) => {
      const u = await this.d.users.update(tx, userId, {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.roles ? { roles: patch.roles } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      });
      if (patch.disabled || patch.roles) await this.d.sessions.deleteForUser(tx, userId);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'user.updated',
          objectType: 'user',
          objectId: userId,
          details: { ...patch },
        },
      );
      await this.emitToAdmins(tx, 'updated', target.agency_id, { userId, changed: Object.keys(patch) });
      return toUser(u);
    });
    this.d.events.notify();
    return updated;
  }

  /** Clears a user's MFA (lost phone); they enrol again at next sign-in. Ends their sessions. */
  async resetMfa(viewer: Viewer, userId: string, requestId?: string): Promise<void> {
    const target = await this.manageable(viewer, userId);
    await this.d.database.transaction(async (tx) => {
      await this.d.users.update(tx, userId, { totp_secret_enc: null, totp_pending_enc: null, totp_last_step: null });
      await this.d.users.replaceRecoveryCodes(tx, userId, []);
      await this.d.sessions.deleteForUser(tx, userId);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'user.mfa_reset', objectType: 'user', objectId: userId },
      );
      await this.emitToAdmins(tx, 'mfa_reset', target.agency_id, { userId });
    });
    this.d.events.notify();
  }

  /** Starts TOTP enrolment for the signed-in user: a new secret, shown as URI and QR. */
  async startEnrolment(viewer: Viewer): Promise<MfaEnrolment> {
    const user = viewer.userId ? await this.d.users.byId(this.d.database.db, viewer.userId) : undefined;
    if (!user) throw new NotFoundError('user');
    const secret = newTotpSecret();
    await this.d.database.transaction((tx) =>
      this.d.users.update(tx, user.id, { totp_pending_enc: this.d.cipher.encrypt(secret) }),
    );
    return enrolmentOf(secret, user.email);
  }

  /** Confirms enrolment with a first code; returns recovery codes, shown once. */
  async confirmEnrolment(viewer: Viewer, code: string, requestId?: string): Promise<{ recoveryCodes: string[] }> {
    const user = viewer.userId ? await this.d.users.byId(this.d.database.db, viewer.userId) : undefined;
    if (!user?.totp_pending_enc) throw ValidationError.field('code', 'start the enrolment first');
    const secret = this.d.cipher.decrypt(user.totp_pending_enc);
    const step = matchTotp(secret, code, this.d.clock.now());
    if (step === null) throw ValidationError.field('code', 'the code does not match; check the time on your device');
    const { codes, hashes } = newRecoveryCodes(POLICY.recoveryCodeCount);
    await this.d.database.transaction(async (tx) => {
      await this.d.users.update(tx, user.id, {
        totp_secret_enc: user.totp_pending_enc,
        totp_pending_enc: null,
        totp_last_step: step,
      });
      await this.d.users.replaceRecoveryCodes(tx, user.id, hashes);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'user.mfa_enrolled', objectType: 'user', objectId: user.id },
      );
    });
    return { recoveryCodes: codes };
  }
}
