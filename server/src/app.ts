import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createAgenciesFeature } from './features/agencies/index.ts';
import type { PublicRateLimits } from './features/awareness/awareness.routes.ts';
import { createAwarenessFeature } from './features/awareness/index.ts';
import { createFinanceFeature } from './features/finance/index.ts';
import { createIntelFeature } from './features/intel/index.ts';
import { SelectorIndex, type SelectorIndexOptions } from './features/intel/selector-index.ts';
import { createNoticesFeature } from './features/notices/index.ts';
import { NOTICE_EXPIRY_JOB } from './features/notices/notices.service.ts';
import { createOperationsFeature } from './features/operations/index.ts';
import { TASK_OVERDUE_JOB } from './features/operations/tasks.service.ts';
import { createRescueFeature, DEADLINE_JOB as RESCUE_DEADLINE_JOB, scamCentresOf } from './features/rescue/index.ts';
import type { DeadlineTable as RescueDeadlines } from './features/rescue/protocol.ts';
import { createAuditor } from './platform/audit/audit.ts';
import { AuditChainer } from './platform/audit/pending.ts';
import { authentication } from './platform/auth/plugin.ts';
import type { Clock } from './platform/clock/clock.ts';
import { FieldCipher } from './platform/crypto/secrets.ts';
import type { Database } from './platform/db/database.ts';
import { consumeEvents } from './platform/events/consumer.ts';
import { eventsRoutes } from './platform/events/events.routes.ts';
import type { EventsPlatform } from './platform/events/platform.ts';
import { serveConsole } from './platform/http/console.ts';
import { idempotency } from './platform/http/idempotency.ts';
import { observability } from './platform/http/observability.ts';
import { registerProblemHandler } from './platform/http/problem.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import type { JobRunner } from './platform/jobs/runner.ts';
import { markingsRoutes } from './platform/markings/markings.routes.ts';
import { webhooksRoutes } from './platform/webhooks/webhooks.routes.ts';
import { DELIVER_JOB, FANOUT_CONSUMER, WebhooksService } from './platform/webhooks/webhooks.service.ts';

export interface AppDeps {
  database: Database;
  clock: Clock;
  secretKey: Buffer;
  /** Outbox dispatcher, bus and live hub (createEventsPlatform). */
  events: Pick<EventsPlatform, 'bus' | 'live' | 'notify' | 'ready'>;
  /** The node's job runner: features register their job kinds on it (started by the caller). */
  jobs: JobRunner;
  secureCookies?: boolean;
  /** Folder of the built console (web/dist); served at /console/ when present. */
  webDist?: string | null;
  logger?: FastifyServerOptions['loggerInstance'];
  /** Scam centres of two agencies in the same country within this many km are a hit (default 1). */
  centreMatchKm?: number;
  /** Rescue protocol deadlines (hours per stage per risk level); default: the protocol's. */
  rescueDeadlines?: RescueDeadlines;
  /** Earlier platform keys (32 bytes each, CORDON_PREVIOUS_SECRET_KEYS), still read for fields written before a rotation. */
  previousSecretKeys?: Buffer[];
  /** Sign-in attempts allowed per client address per minute (default 20). */
  loginRateLimit?: number;
  /** Requests per client address and minute on the public portal's routes (defaults in awareness.routes.ts). */
  publicRateLimits?: Partial<PublicRateLimits>;
  /** Tuning of the intel lookup's selector index (tests: a long poll shows the bus wakes it). */
  selectorIndex?: SelectorIndexOptions;
  /** Hook for platform parts wired outside (events stream); runs after auth is in place. */
  extend?: (app: FastifyInstance) => Promise<void>;
}

const REQUEST_ID_RE = /^[\w.:-]{1,100}$/;

/** Builds the HTTP application: platform plugins first, then each feature's routes. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: 1_048_576,
    trustProxy: process.env.CORDON_TRUST_PROXY === '1',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  registerProblemHandler(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const secureCookies = deps.secureCookies ?? false;
  const audit = createAuditor(deps.clock);
  // Read audits are committed unchained and chained here in batches; the rest on close.
  const auditChainer = new AuditChainer(deps.database, {
    onError: (e) => app.log.error({ err: e }, 'chaining pending read audits failed'),
  });
  app.addHook('onClose', async () => auditChainer.stop());
  const cipher = new FieldCipher(deps.secretKey, deps.previousSecretKeys ?? []);
  const agencies = createAgenciesFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    cipher,
    events: deps.events,
  });
  const intel = createIntelFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    events: deps.events,
    centreMatchKm: deps.centreMatchKm ?? 1,
    index: new SelectorIndex(deps.database, { ...deps.selectorIndex, logger: app.log }),
  });
  // The lookup answers from this node's selector index: it loads in the background (lookups wait for it) and follows the outbox.
  await intel.index.start(deps.events.bus);
  app.addHook('onClose', async () => intel.index.stop());
  const notices = createNoticesFeature({ database: deps.database, clock: deps.clock, audit, events: deps.events });
  deps.jobs.register(NOTICE_EXPIRY_JOB, notices.notices.expire);
  const rescue = createRescueFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    events: deps.events,
    cipher,
    secretKey: deps.secretKey,
    ...(deps.rescueDeadlines ? { deadlines: deps.rescueDeadlines } : {}),
    // A case's last known location may name an intelligence scam centre the viewer may see.
    scamCentre: scamCentresOf(intel),
    // A case person may become a draft Yellow Notice (missing person) of the notices feature.
    notices: notices.notices,
  });
  deps.jobs.register(RESCUE_DEADLINE_JOB, rescue.cases.escalate);
  const operations = createOperationsFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    events: deps.events,
  });
  deps.jobs.register(TASK_OVERDUE_JOB, operations.tasks.taskOverdue);
  const awareness = createAwarenessFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    cipher,
    events: deps.events,
    intel: intel.reports,
    // A verified missing-relative report opens a rescue case.
    rescue: rescue.cases,
    // The public warning list (TLP:CLEAR selectors) is kept in memory and reloaded on intel's events.
    bus: deps.events.bus,
  });
  const finance = createFinanceFeature({
    database: deps.database,
    clock: deps.clock,
    audit,
    events: deps.events,
    jobs: deps.jobs,
    // Accounts and wallets may become a draft Silver Notice (asset tracing of a person).
    notices: notices.notices,
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on plain http over a LAN address it would break the console.
        upgradeInsecureRequests: secureCookies ? [] : null,
      },
    },
    hsts: secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cordon API',
        version: '0.1.0',
        description: 'Shared platform against transnational scam centres',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cordon_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(observability, {
    ready: async () => (await deps.database.ping()) && (await deps.events.ready()),
  });
  await app.register(authentication, { resolver: agencies.accounts, secureCookies });
  await app.register(idempotency, { database: deps.database });

  await app.register(markingsRoutes);
  await app.register(eventsRoutes, { live: deps.events.live });
  await agencies.register(app, { secureCookies, loginRateLimit: deps.loginRateLimit ?? 20 });
  await intel.register(app);
  await operations.register(app);
  await notices.register(app);
  await awareness.register(app, { limits: deps.publicRateLimits ?? {} });
  await finance.register(app);
  await rescue.register(app);
  const webhooks = new WebhooksService({ database: deps.database, clock: deps.clock, audit, cipher });
  deps.jobs.register(DELIVER_JOB, webhooks.deliver);
  // Events for users only (e.g. intel.reports.changed, for nodes) never go to a webhook: skip their transaction.
  const fanOut = await consumeEvents(deps.events.bus, deps.database, FANOUT_CONSUMER, webhooks.fanOut, {
    accept: (e) => e.audience.kind !== 'users',
  });
  app.addHook('onClose', async () => fanOut.close());
  const lateMatches = await operations.lateMatches.consume(deps.events.bus);
  app.addHook('onClose', async () => lateMatches.close());
  await app.register(webhooksRoutes, { webhooks });
  if (deps.extend) await deps.extend(app);

  await serveConsole(app, deps.webDist);

  return Object.assign(app, { features: { agencies, intel, operations, notices, finance, rescue, awareness } });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
