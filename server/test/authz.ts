import type { Role, Scope } from '@cordon/contracts';

/**
 * One row of the authorisation matrix: a route, a valid request to it, and who may call it.
 * Each feature lists its routes in `<area>.authz.ts`; authz.matrix.test.ts walks every row
 * for every role (in a member agency and in the hub), for API tokens of every scope, and
 * for the anonymous caller.
 */
export interface RouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path; `:self` is replaced by the caller's own user id, `:agency` by its agency id. */
  url: string;
  body?: unknown;
  /** Roles that pass; 'any' = every signed-in user. */
  roles: Role[] | 'any';
  /** Scopes that let an API token through (none: tokens are refused). */
  scopes?: Scope[];
  /** Public routes answer the anonymous caller too. */
  public?: boolean;
}
