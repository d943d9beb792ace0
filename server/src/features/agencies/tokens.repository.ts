import type { ApiToken, Scope } from '@cordon/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ApiTokensTable } from './agencies.tables.ts';

type Row = Selectable<ApiTokensTable>;

export function toApiToken(r: Row): ApiToken {
  return {
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    scopes: r.scopes as Scope[],
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
    lastUsedAt: r.last_used_at ? r.last_used_at.toISOString() : null,
  };
}

export class TokensRepository {
  async insert(
    db: Executor,
    t: {
      agencyId: string;
      name: string;
      tokenHash: string;
      scopes: Scope[];
      createdBy: string;
      now: Date;
      expiresAt: Date;
    },
  ): Promise<ApiToken> {
    const r = await db
      .insertInto('api_tokens')
      .values({
        agency_id: t.agencyId,
        name: t.name,
        token_hash: t.tokenHash,
        scopes: t.scopes,
        created_by: t.createdBy,
        created_at: t.now,
        expires_at: t.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApiToken(r);
  }

  async listByAgency(db: Executor, agencyId: string): Promise<ApiToken[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toApiToken);
  }

  async get(db: Executor, id: string, agencyId: string): Promise<ApiToken | null> {
    const r = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return r ? toApiToken(r) : null;
  }

  async revoke(db: Executor, id: string, at: Date): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** A usable token (not revoked, not expired) and its agency's place. */
  async active(db: Executor, tokenHash: string, now: Date) {
    return db
      .selectFrom('api_tokens as t')
      .innerJoin('agencies as a', 'a.id', 't.agency_id')
      .select(['t.id', 't.agency_id', 't.scopes', 't.last_used_at', 't.expires_at', 'a.country', 'a.region'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('t.expires_at', '>', now)
      .executeTakeFirst();
  }

  async touch(db: Executor, id: string, at: Date): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
