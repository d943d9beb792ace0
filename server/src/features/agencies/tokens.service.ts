import type { ApiToken, IssuedApiToken, NewApiToken } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { hashToken, newToken } from '../../platform/crypto/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { TokensRepository } from './tokens.repository.ts';

export interface TokensDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  tokens: TokensRepository;
}

/** Scoped API tokens for an agency's machine clients: shown once, stored hashed. */
export class TokensService {
  constructor(private readonly d: TokensDeps) {}

  list(viewer: Viewer): Promise<ApiToken[]> {
    return this.d.tokens.listByAgency(this.d.database.db, viewer.agencyId);
  }

  async issue(viewer: Viewer, input: NewApiToken, requestId?: string): Promise<IssuedApiToken> {
    const now = this.d.clock.now();
    const token = newToken('cdt');
    return this.d.database.transaction(async (tx) => {
      const apiToken = await this.d.tokens.insert(tx, {
        agencyId: viewer.agencyId,
        name: input.name.trim(),
        tokenHash: hashToken(token),
        scopes: input.scopes,
        createdBy: viewer.userId ?? '',
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
      return { token, apiToken };
    });
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
    });
  }
}
