/** Account security settings, in one place. */
export const POLICY = {
  /** A session ends 30 min after its last use, and 12 h after sign-in at the latest. */
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** The session token is replaced every 15 min of use; the old one lives 30 s more for requests in flight. */
  sessionRotateMs: 15 * 60_000,
  rotationGraceMs: 30_000,
  /** last_seen_at is written at most once a minute per session or token. */
  touchEveryMs: 60_000,
  mfaChallengeMs: 5 * 60_000,
  mfaChallengeAttempts: 5,
  recoveryCodeCount: 10,
  /** Free failures before lockout, then 1 min doubling per further failure, up to 1 h. */
  freeFailures: 5,
  lockBaseMs: 60_000,
  lockMaxMs: 60 * 60_000,
} as const;

export function lockoutMs(failures: number): number {
  if (failures < POLICY.freeFailures) return 0;
  return Math.min(POLICY.lockBaseMs * 2 ** (failures - POLICY.freeFailures), POLICY.lockMaxMs);
}
