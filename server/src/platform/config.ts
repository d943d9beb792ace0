import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Embedded database folder (PGlite) and local state; used when databaseUrl is unset. */
  dataDir: string;
  databaseUrl: string | null;
  natsUrl: string | null;
  /** 32-byte key for field encryption. */
  secretKey: Buffer;
  /** Secure cookies (HTTPS); off on plain-HTTP localhost. */
  secureCookies: boolean;
  logLevel: string;
  webDist: string;
  /**
   * Rescue protocol deadlines in hours per risk level and stage, merged over the defaults
   * (CORDON_RESCUE_DEADLINES, JSON such as `{"critical":{"reported":0.5}}`); null: the defaults.
   */
  rescueDeadlines: Record<string, Record<string, number>> | null;
}

/**
 * Reads configuration from the environment. On the embedded default the platform key is
 * generated once into the data folder; on PostgreSQL it must be given (CORDON_SECRET_KEY).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `npm start` runs in server/; INIT_CWD is where the user typed it, so ./.cordon lands there.
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.CORDON_DATA_DIR ?? '.cordon');
  const databaseUrl = env.DATABASE_URL || null;
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8080),
    dataDir,
    databaseUrl,
    natsUrl: env.NATS_URL || null,
    secretKey: loadKey(env.CORDON_SECRET_KEY, dataDir, databaseUrl !== null),
    secureCookies: env.CORDON_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    rescueDeadlines: parseDeadlines(env.CORDON_RESCUE_DEADLINES),
    webDist: resolve(env.CORDON_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
  };
}

function loadKey(given: string | undefined, dataDir: string, external: boolean): Buffer {
  if (given) {
    const key = Buffer.from(given, 'base64');
    if (key.length !== 32) throw new Error('CORDON_SECRET_KEY must be base64 of exactly 32 bytes');
    return key;
  }
  if (external) {
    throw new Error('CORDON_SECRET_KEY is required with DATABASE_URL (generate one: openssl rand -base64 32)');
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

function parseDeadlines(given: string | undefined): Record<string, Record<string, number>> | null {
  if (!given) return null;
  let v: unknown;
  try {
    v = JSON.parse(given);
  } catch {
    throw new Error('CORDON_RESCUE_DEADLINES must be JSON: {"<risk level>": {"<stage>": hours}}');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new Error('CORDON_RESCUE_DEADLINES must be an object of risk levels');
  return v as Record<string, Record<string, number>>;
}
