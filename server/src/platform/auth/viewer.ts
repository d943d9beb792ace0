import type { Region, Role, Scope } from '@cordon/contracts';

/**
 * Who is asking: the first argument of every service call. A user signed in with a
 * session has roles; a machine client's API token has scopes and acts for its agency.
 */
export interface Viewer {
  readonly kind: 'user' | 'token' | 'system';
  readonly userId: string | null;
  readonly tokenId: string | null;
  readonly agencyId: string;
  readonly country: string;
  readonly region: Region;
  readonly roles: readonly Role[];
  /** Scopes of an API token; null for a user session (roles decide). */
  readonly scopes: readonly Scope[] | null;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.some((r) => viewer.roles.includes(r));
}

/** The platform acting for an agency (demo seeding, imports, benchmarks): no user, no token. */
export function systemViewer(agency: { id: string; country: string; region: string }, roles: readonly Role[]): Viewer {
  return {
    kind: 'system',
    userId: null,
    tokenId: null,
    agencyId: agency.id,
    country: agency.country,
    region: agency.region as Region,
    roles,
    scopes: null,
  };
}
