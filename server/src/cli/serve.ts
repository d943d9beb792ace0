import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '../demo/accounts.ts';
import { isEmpty, seedDemo } from '../demo/index.ts';
import { accountsCleanup } from '../features/agencies/housekeeping.ts';
import { mergeDeadlines } from '../features/rescue/protocol.ts';
import { systemClock } from '../platform/clock/clock.ts';
import type { Config } from '../platform/config.ts';
import { FieldCipher } from '../platform/crypto/secrets.ts';
import { createEventsPlatform } from '../platform/events/platform.ts';
import { platformCleanup, scheduleHousekeeping } from '../platform/housekeeping.ts';
import { JobRunner } from '../platform/jobs/runner.ts';
import { openAndMigrate } from '../runtime.ts';
import { ensureWebBuilt } from '../web-build.ts';

export interface ServeOptions {
  /** Load the demo world when the database is empty. Default: yes on the embedded database, no on PostgreSQL. */
  demo?: boolean;
}

/** `cordon serve`: migrate, seed on first start, build the console if needed, listen, stop cleanly. */
export async function serve(config: Config, options: ServeOptions): Promise<void> {
  const say = (m: string) => process.stdout.write(`${m}\n`);
  const { database, applied } = await openAndMigrate(config);
  if (applied.length > 0) say(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const wantDemo = options.demo ?? config.databaseUrl === null;
  let seeded = false;
  if (wantDemo && (await isEmpty(database))) {
    say('Loading the demo world (first start)…');
    const s = await seedDemo(database, {
      clock: systemClock,
      cipher: new FieldCipher(config.secretKey),
      secretKey: config.secretKey,
    });
    say(`Demo world loaded: ${s.agencies} agencies, ${s.users} users, ${s.reports} intelligence reports.`);
    seeded = true;
  }
  // PGlite has no autovacuum: give the planner statistics after migrating and seeding.
  if (database.driver === 'pglite') await sql`analyze`.execute(database.db);
  const webOk = ensureWebBuilt(config.webDist, say);
  const logger = pino({ level: config.logLevel });
  const events = await createEventsPlatform({ database, clock: systemClock, natsUrl: config.natsUrl, logger });
  const jobs = new JobRunner({ database, clock: systemClock, logger });
  await scheduleHousekeeping(jobs, database, systemClock, { ...platformCleanup(), ...accountsCleanup }, (counts) =>
    logger.info({ counts }, 'housekeeping done'),
  );
  const app = await buildApp({
    database,
    clock: systemClock,
    secretKey: config.secretKey,
    previousSecretKeys: config.previousSecretKeys,
    events,
    jobs,
    secureCookies: config.secureCookies,
    webDist: config.webDist,
    logger,
    ...(config.rescueDeadlines ? { rescueDeadlines: mergeDeadlines(config.rescueDeadlines) } : {}),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`\n${signal}: stopping Cordon…`);
    await app.close();
    await jobs.stop();
    await events.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  jobs.start();
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host}:${config.port}`;
  say('');
  say(`Cordon is running at ${url}/console/  (API docs: ${url}/api/docs)`);
  say(
    `Database: ${database.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  say(`Events: ${config.natsUrl ? `NATS JetStream at ${config.natsUrl}` : 'in-process bus'}`);
  if (!webOk) say('The web console could not be built; the API is up. Run `npm run build:web` to see why.');
  if (wantDemo || seeded) {
    say(`Demo accounts (password ${DEMO_PASSWORD}; MFA accounts use TOTP secret ${DEMO_TOTP_SECRET},`);
    say('or print the current code with `npx cordon demo totp <email>`):');
    for (const u of DEMO_USERS) say(`  ${u.email.padEnd(42)} ${u.roles.join(', ')}${u.mfa ? '  [MFA]' : ''}`);
  }
}
