/**
 * The real app on a loopback port, for benchmarks that talk HTTP to it: built as `cordon serve`
 * builds it (buildApp with the events platform), sign-in of demo users, a bare Fastify baseline.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { type App, buildApp } from '../../server/src/app.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/accounts.ts';
import { SESSION_COOKIE } from '../../server/src/platform/auth/plugin.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { createEventsPlatform, type EventsPlatform } from '../../server/src/platform/events/platform.ts';
import { JobRunner } from '../../server/src/platform/jobs/runner.ts';

/** Listens on 127.0.0.1, an ephemeral port; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export interface RunningApp {
  app: App;
  events: EventsPlatform;
  jobs: JobRunner;
  /** The base URL once listening (startApp); empty for buildRealApp. */
  base: string;
  close(): Promise<void>;
}

/**
 * The real app wired as `cordon serve` wires it: the events platform (in-process bus, dispatcher
 * started), a started job runner, buildApp. Not listening (for in-process use of its features).
 */
export async function buildRealApp(database: Database): Promise<RunningApp> {
  const events = await createEventsPlatform({ database, clock: systemClock });
  const jobs = new JobRunner({ database, clock: systemClock });
  const app = await buildApp({
    database,
    clock: systemClock,
    secretKey: randomBytes(32),
    events,
    jobs,
    loginRateLimit: 1000,
  });
  jobs.start();
  return {
    app,
    events,
    jobs,
    base: '',
    async close() {
      await app.close();
      await jobs.stop();
      await events.close();
    },
  };
}

/** buildRealApp, listening on a loopback port. */
export async function startApp(database: Database): Promise<RunningApp> {
  const running = await buildRealApp(database);
  running.base = await listen(running.app);
  return running;
}

/** A bare Fastify 5 app, the baseline of the HTTP benchmarks. */
export async function startBare(
  routes: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify();
  routes(app);
  return { app, base: await listen(app) };
}

/** Signs a demo user without MFA in through the API; returns the `cookie` header value. */
export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}
