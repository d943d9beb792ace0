import type { ApiToken, IssuedApiToken, NewApiToken } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { hashToken, newToken } from '../../platform/crypto/secrets.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { apiTokenCache } from './accounts.service.ts';
import type { TokensRepository } from './tokens.repository.ts';

export interface TokensDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  tokens: TokensRepository;
  events: Notifier;
}

/** Scoped API tokens for an agency's machine clients: shown once, stored hashed. */
export class TokensService {
  constructor(private readonly d: TokensDeps) {}

  private emitToAdmins(tx: Tx, topic: string, agencyId: string, data: Record<string, unknown>) {
    return emit(tx, {
      topic: `agencies.token.${topic}`,
      data: { agencyId, ...data },
      audience: { kind: 'agencies', agencyIds: [agencyId], roles: ['agency-admin'] },
      occurredAt: this.d.clock.now(),
    });
  }

  list(viewer: Viewer): Promise<ApiToken[]> {
    return this.d.tokens.listByAgency(this.d.database.db, viewer.agencyId);
  }

  async issue(viewer: Viewer, input: NewApiToken, requestId?: string): Promise<IssuedApiToken> {
    const now = this.d.clock.now();
    const createdBy = viewer.userId;
    if (!createdBy) throw new ForbiddenError('API tokens are issued by a person: sign in as an agency administrator.');
    const token = newToken('cdt');
    const issued = await this.d.database.transaction(async (tx) => {
      const apiToken = await this.d.tokens.insert(tx, {
        agencyId: viewer.agencyId,
        name: input.name.trim(),
        tokenHash: hashToken(token),
        scopes: input.scopes,
        createdBy,
        now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'token.issued',
          objectType: 'api_token',
          objectId: apiToken.id,
          details: { name: apiToken.name, scopes: apiToken.scopes, expiresAt: apiToken.expiresAt },
        },
      );
      await this.emitToAdmins(tx, 'issued', viewer.agencyId, {
        tokenId: apiToken.id,
        name: apiToken.name,
        scopes: apiToken.scopes,
      });
      return { token, apiToken };
    });
    this.d.events.notify();
    return issued;
  }

  async revoke(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const t = await this.d.tokens.get(tx, id, viewer.agencyId);
      if (!t) throw new NotFoundError('API token');
      await this.d.tokens.revoke(tx, id, this.d.clock.now());
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'token.revoked', objectType: 'api_token', objectId: id },
      );
      await this.emitToAdmins(tx, 'revoked', viewer.agencyId, { tokenId: id, name: t.name });
    });
    apiTokenCache.clear();
    this.d.events.notify();
  }
}
