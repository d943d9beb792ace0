import { randomBytes } from 'node:crypto';
import type { AgencyKind, Role } from '@cordon/contracts';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { countryOf } from '../src/features/agencies/countries.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { currentTotp } from '../src/platform/auth/totp.ts';
import { ManualClock } from '../src/platform/clock/clock.ts';
import { FieldCipher } from '../src/platform/crypto/secrets.ts';
import type { Db, Driver } from '../src/platform/db/database.ts';
import { createEventsPlatform, type EventsPlatform } from '../src/platform/events/platform.ts';
import { JobRunner } from '../src/platform/jobs/runner.ts';
import { createTestDb, type TestDb } from './db.ts';

export const TEST_KEY = Buffer.alloc(32, 7);
export const TEST_PASSWORD = 'correct horse battery staple';
const TEST_TOTP = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

export interface TestAgency {
  id: string;
  country: string;
  region: string;
  kind: AgencyKind;
}

export interface TestUser {
  id: string;
  email: string;
  agencyId: string;
  roles: Role[];
  totpSecret: string | null;
}

export interface TestContext {
  app: App;
  db: TestDb;
  events: EventsPlatform;
  /** Not started: tests run due jobs with `jobs.runDue()` after moving the clock. */
  jobs: JobRunner;
  clock: ManualClock;
  cipher: FieldCipher;
  database(): Db;
  newAgency(o?: { country?: string; kind?: AgencyKind; name?: string }): Promise<TestAgency>;
  newUser(o: { agency: TestAgency; roles: Role[]; mfa?: boolean; email?: string }): Promise<TestUser>;
  /** Signs in (with the TOTP step when enrolled) and returns the session cookie header. */
  login(user: TestUser): Promise<string>;
  totp(user: TestUser): string;
}

let passwordHash: Promise<string> | null = null;
const uniq = () => randomBytes(4).toString('hex');

/** A Cordon app on a fresh database of the driver, a clock the test moves, and factories. */
export function useTestApp(
  driver: Driver,
  options: {
    loginRateLimit?: number;
    publicRateLimit?: number;
    /** Events over NATS JetStream on this stream instead of the in-process bus. */
    nats?: { url: string; stream: string; subjectPrefix: string };
  } = {},
): () => TestContext {
  let ctx: TestContext | null = null;
  beforeAll(async () => {
    const db = await createTestDb(driver);
    const clock = new ManualClock('2026-06-01T08:00:00Z');
    const events = await createEventsPlatform({
      database: db.database,
      clock,
      dispatcher: { pollMs: 50 },
      ...(options.nats
        ? {
            natsUrl: options.nats.url,
            nats: { stream: options.nats.stream, subjectPrefix: options.nats.subjectPrefix },
          }
        : {}),
    });
    const jobs = new JobRunner({ database: db.database, clock });
    const app = await buildApp({
      database: db.database,
      clock,
      secretKey: TEST_KEY,
      events,
      jobs,
      loginRateLimit: options.loginRateLimit ?? 100_000,
      publicRateLimits: {
        checks: options.publicRateLimit ?? 100_000,
        reports: options.publicRateLimit ?? 100_000,
        reads: options.publicRateLimit ?? 100_000,
      },
    });
    await app.ready();
    const cipher = new FieldCipher(TEST_KEY);
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const self: TestContext = {
      app,
      db,
      events,
      jobs,
      clock,
      cipher,
      database: () => db.database.db,
      async newAgency(o = {}) {
        const country = o.country ?? 'TH';
        const region = countryOf(country)?.region ?? 'Asia';
        const kind = o.kind ?? 'ncb';
        const r = await db.database.db
          .insertInto('agencies')
          .values({ name: o.name ?? `Test ${kind} ${uniq()}`, country, region, kind })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: r.id, country, region, kind };
      },
      async newUser({ agency, roles, mfa, email }) {
        const totpSecret = mfa ? TEST_TOTP : null;
        const r = await db.database.db
          .insertInto('users')
          .values({
            agency_id: agency.id,
            email: email ?? `${roles[0]}-${uniq()}@test.example`,
            display_name: `Test ${roles.join('/')}`,
            roles,
            password_hash: await (passwordHash as Promise<string>),
            totp_secret_enc: totpSecret ? cipher.encrypt(totpSecret) : null,
            totp_pending_enc: null,
            totp_last_step: null,
            last_login_at: null,
          })
          .returning(['id', 'email'])
          .executeTakeFirstOrThrow();
        return { id: r.id, email: r.email, agencyId: agency.id, roles, totpSecret };
      },
      totp: (user) => currentTotp(user.totpSecret ?? '', clock.now()),
      async login(user) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: TEST_PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
        let cookie = res.headers['set-cookie'];
        const body = res.json();
        if (body.mfaRequired) {
          // A fresh time step, so a code used by an earlier sign-in is not a replay.
          clock.advance(30_000);
          const mfa = await app.inject({
            method: 'POST',
            url: '/api/auth/mfa',
            payload: { challenge: body.challenge, code: self.totp(user) },
          });
          if (mfa.statusCode !== 200) throw new Error(`mfa failed: ${mfa.statusCode} ${mfa.body}`);
          cookie = mfa.headers['set-cookie'];
        }
        return cookieHeader(cookie);
      },
    };
    ctx = self;
  }, 60_000);
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.events.close();
    await ctx?.db.close();
  });
  return () => {
    if (!ctx) throw new Error('test app not ready');
    return ctx;
  };
}

/** `set-cookie` header(s) → a `cookie` request header. */
export function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}
