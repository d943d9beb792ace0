import type { CleanupStep } from '../../platform/housekeeping.ts';

const DAY = 86_400_000;

/** Expired sessions and sign-in challenges, and failure counts idle for a day. */
export const accountsCleanup: Record<string, CleanupStep> = {
  sessions: async (tx, now) =>
    Number((await tx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst()).numDeletedRows),
  mfaChallenges: async (tx, now) =>
    Number((await tx.deleteFrom('mfa_challenges').where('expires_at', '<', now).executeTakeFirst()).numDeletedRows),
  loginThrottle: async (tx, now) =>
    Number(
      (
        await tx
          .deleteFrom('login_throttle')
          .where('last_failure_at', '<', new Date(now.getTime() - DAY))
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .executeTakeFirst()
      ).numDeletedRows,
    ),
};
