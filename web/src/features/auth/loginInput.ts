/** A 6-digit code loses its spaces ("123 456"); a recovery code is sent as typed, trimmed. */
export function normaliseCode(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : trimmed;
}

/** Only same-app paths are followed after login, never another origin or the login page itself. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  return target.startsWith('/login') ? '/' : target;
}
