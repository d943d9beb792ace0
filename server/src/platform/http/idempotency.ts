import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/database.ts';
import { AppError, ConflictError } from './errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_RE = /^[\w.:-]{8,128}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

/**
 * `Idempotency-Key` on any mutating route: the first answer (status and body) is kept per
 * principal and key, and a retry gets it back with `Idempotent-Replayed: true` instead of
 * writing twice. The same key with a different request is refused (422); a retry while
 * the first is still running gets 409. Refusals (4xx) and failures (5xx) are not kept, so the
 * client may correct the request and retry with the same key.
 */
async function idempotencyPlugin(app: FastifyInstance, opts: { database: Database }) {
  const { db } = opts.database;
  app.decorateRequest('idempotency', null);

  // Callback-style hooks: most requests carry no key and pass straight through, without a promise.
  app.addHook('preHandler', (request, reply, done) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !MUTATING.has(request.method) || !request.viewer) return done();
    claim(request, reply, key).then((answered) => {
      if (!answered) done();
    }, done);
  });

  /** Claims the key for this request; true when it answered itself (a replay). */
  async function claim(request: FastifyRequest, reply: FastifyReply, key: string): Promise<boolean> {
    if (!request.viewer) return false;
    if (!KEY_RE.test(key)) {
      throw new AppError(
        400,
        'validation',
        'Invalid request',
        'Idempotency-Key must be 8–128 letters, digits or . _ : -',
        [{ field: 'header.idempotency-key', message: 'must be 8–128 characters of [A-Za-z0-9._:-]' }],
      );
    }
    const principal = request.viewer.tokenId ? `token:${request.viewer.tokenId}` : `user:${request.viewer.userId}`;
    const path = request.url;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${path}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({
        principal,
        key,
        method: request.method,
        path,
        request_hash: requestHash,
        status_code: null,
        response_body: null,
        response_type: null,
      })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
      request.idempotency = { principal, key };
      return false;
    }
    const seen = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (seen.request_hash !== requestHash) {
      throw new AppError(
        422,
        'idempotency-key-reused',
        'Idempotency key reused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (seen.status_code === null)
      throw new ConflictError('A request with this Idempotency-Key is still being processed.');
    reply.header('idempotent-replayed', 'true');
    if (seen.response_type) reply.type(seen.response_type);
    reply.status(seen.status_code).send(seen.response_body ?? undefined);
    return true;
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    const idem = request.idempotency;
    if (!idem) return done(null, payload);
    record(reply, idem, payload).then(() => done(null, payload), done);
  });

  /** Keeps a successful answer under its key; forgets the key after a refusal or failure. */
  async function record(reply: FastifyReply, idem: { principal: string; key: string }, payload: unknown) {
    const q = db.updateTable('idempotency_keys').where('principal', '=', idem.principal).where('key', '=', idem.key);
    // Only successful answers are kept: after a refusal the client corrects the request and may
    // send it again under the same key (a form keeps one key while it is open).
    if (reply.statusCode >= 400) {
      await db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', idem.principal)
        .where('key', '=', idem.key)
        .execute();
    } else {
      await q
        .set({
          status_code: reply.statusCode,
          response_body: typeof payload === 'string' ? payload : payload == null ? null : String(payload),
          response_type: (reply.getHeader('content-type') as string | undefined) ?? null,
        })
        .execute();
    }
  }
}

export const idempotency = fp(idempotencyPlugin, { name: 'cordon-idempotency', dependencies: ['cordon-auth'] });
