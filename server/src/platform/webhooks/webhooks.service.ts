import { randomBytes } from 'node:crypto';
import type { Region } from '@cordon/contracts';
import type { Auditor } from '../audit/audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../clock/clock.ts';
import type { FieldCipher } from '../crypto/secrets.ts';
import type { Database, Tx } from '../db/database.ts';
import { mayReceive } from '../events/audience.ts';
import type { EventEnvelope } from '../events/types.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { type JobContext, PermanentJobError } from '../jobs/runner.ts';
import { sign } from './signature.ts';

export const DELIVER_JOB = 'webhook.deliver';
export const FANOUT_CONSUMER = 'webhooks.fanout';

export interface Webhook {
  id: string;
  url: string;
  topics: string[];
  active: boolean;
  createdAt: string;
}

export interface Delivery {
  id: string;
  eventId: number;
  topic: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface WebhooksDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  cipher: FieldCipher;
  /** How a delivery is sent; tests may replace it. */
  fetch?: typeof fetch;
  maxAttempts?: number;
}

const matches = (topics: string[], topic: string) => topics.some((t) => t === '*' || topic.startsWith(t));

/**
 * Signed webhooks. A durable consumer fans each event out to the active webhooks of the
 * agencies that may receive it (as a machine client: role-restricted events are not sent);
 * each delivery is a job, retried with back-off, and kept in a delivery log.
 */
export class WebhooksService {
  constructor(private readonly d: WebhooksDeps) {}

  async list(viewer: Viewer): Promise<Webhook[]> {
    const rows = await this.d.database.db
      .selectFrom('webhooks')
      .selectAll()
      .where('agency_id', '=', viewer.agencyId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((w) => ({
      id: w.id,
      url: w.url,
      topics: w.topics,
      active: w.active,
      createdAt: w.created_at.toISOString(),
    }));
  }

  async create(
    viewer: Viewer,
    input: { url: string; topics: string[] },
    requestId?: string,
  ): Promise<{ webhook: Webhook; secret: string }> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw ValidationError.field('url', 'not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw ValidationError.field('url', 'must be http or https');
    if (url.username || url.password) throw ValidationError.field('url', 'must not carry credentials');
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.d.database.transaction(async (tx) => {
      const w = await tx
        .insertInto('webhooks')
        .values({
          agency_id: viewer.agencyId,
          url: url.toString(),
          secret_enc: this.d.cipher.encrypt(secret),
          topics: input.topics,
          created_by: viewer.userId,
          created_at: this.d.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'webhook.created', objectType: 'webhook', objectId: w.id, details: { url: w.url, topics: w.topics } },
      );
      return {
        webhook: { id: w.id, url: w.url, topics: w.topics, active: w.active, createdAt: w.created_at.toISOString() },
        secret,
      };
    });
  }

  async remove(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const r = await tx
        .updateTable('webhooks')
        .set({ active: false })
        .where('id', '=', id)
        .where('agency_id', '=', viewer.agencyId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('webhook');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'webhook.disabled', objectType: 'webhook', objectId: id },
      );
    });
  }

  async deliveries(viewer: Viewer, id: string): Promise<Delivery[]> {
    const own = await this.d.database.db
      .selectFrom('webhooks')
      .select('id')
      .where('id', '=', id)
      .where('agency_id', '=', viewer.agencyId)
      .executeTakeFirst();
    if (!own) throw new NotFoundError('webhook');
    const rows = await this.d.database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', id)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      topic: r.topic,
      status: r.status,
      attempts: r.attempts,
      lastStatus: r.last_status,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
    }));
  }

  /** The fan-out consumer: runs once per event (IdempotentConsumer), in its transaction. */
  fanOut = async (tx: Tx, event: EventEnvelope): Promise<void> => {
    if (event.audience.kind === 'users') return;
    let q = tx
      .selectFrom('webhooks as w')
      .innerJoin('agencies as a', 'a.id', 'w.agency_id')
      .select(['w.id', 'w.agency_id', 'w.topics', 'a.country', 'a.region'])
      .where('w.active', '=', true);
    if (event.audience.kind === 'agencies') q = q.where('w.agency_id', 'in', event.audience.agencyIds);
    const hooks = await q.execute();
    const now = this.d.clock.now();
    for (const h of hooks) {
      const machine: Viewer = {
        kind: 'token',
        userId: null,
        tokenId: null,
        agencyId: h.agency_id,
        country: h.country,
        region: h.region as Region,
        roles: [],
        scopes: null,
      };
      if (!matches(h.topics, event.topic) || !mayReceive(machine, event.audience)) continue;
      const payload = { id: event.id, topic: event.topic, occurredAt: event.occurredAt, data: event.data };
      const d = await tx
        .insertInto('webhook_deliveries')
        .values({
          webhook_id: h.id,
          event_id: Number(event.id),
          topic: event.topic,
          payload: JSON.stringify(payload),
          created_at: now,
          last_status: null,
          last_error: null,
          delivered_at: null,
        })
        .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (d)
        await enqueue(tx, {
          kind: DELIVER_JOB,
          payload: { deliveryId: d.id },
          runAt: now,
          maxAttempts: this.d.maxAttempts ?? 8,
        });
    }
  };

  /** The delivery job: POST the signed payload; a non-2xx or network error retries with back-off. */
  deliver = async (job: JobContext<{ deliveryId: string }>): Promise<void> => {
    const db = this.d.database.db;
    const d = await db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', job.payload.deliveryId)
      .executeTakeFirst();
    if (!d || d.status === 'delivered') return job.transaction(async () => {});
    const hook = await db.selectFrom('webhooks').selectAll().where('id', '=', d.webhook_id).executeTakeFirst();
    if (!hook?.active) throw new PermanentJobError('webhook disabled');
    const body = JSON.stringify(d.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await (this.d.fetch ?? fetch)(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'cordon-event-id': String(d.event_id),
          'cordon-signature': sign(this.d.cipher.decrypt(hook.secret_enc), body, job.now),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      status = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    const last = job.attempt >= job.maxAttempts;
    if (error === null) {
      return job.transaction(async (tx) => {
        await tx
          .updateTable('webhook_deliveries')
          .set({
            status: 'delivered',
            attempts: job.attempt,
            last_status: status,
            last_error: null,
            delivered_at: job.now,
          })
          .where('id', '=', d.id)
          .execute();
      });
    }
    // Record the failed attempt outside the job's transaction: the job is about to fail and roll back.
    await this.d.database.transaction((tx) =>
      tx
        .updateTable('webhook_deliveries')
        .set({ attempts: job.attempt, last_status: status, last_error: error, status: last ? 'failed' : 'pending' })
        .where('id', '=', d.id)
        .execute(),
    );
    throw new Error(`webhook delivery failed: ${error}`);
  };
}
