import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyIdOf } from './crypto/secrets.ts';

export interface Config {
  host: string;
  port: number;
  /** Embedded database folder (PGlite) and local state; used when databaseUrl is unset. */
  dataDir: string;
  databaseUrl: string | null;
  natsUrl: string | null;
  /** 32-byte key for field encryption. */
  secretKey: Buffer;
  /**
   * Earlier platform keys, still used to read values written under them until `cordon keys rekey`
   * has moved every value to the current key (CORDON_PREVIOUS_SECRET_KEYS, `<keyId>:<base64 key>`
   * pairs separated by commas; the id is what the stored values name).
   */
  previousSecretKeys: Buffer[];
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
  const secretKey = loadKey(env.CORDON_SECRET_KEY, dataDir, databaseUrl !== null);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 8080),
    dataDir,
    databaseUrl,
    natsUrl: env.NATS_URL || null,
    secretKey,
    previousSecretKeys: parsePreviousKeys(env.CORDON_PREVIOUS_SECRET_KEYS, secretKey),
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

const PREVIOUS = 'CORDON_PREVIOUS_SECRET_KEYS';

/**
 * `<keyId>:<base64 of 32 bytes>[,…]`. The id must be the one Cordon derives from the key (the
 * first 8 hex digits of its SHA-256, as in stored values `v1:<keyId>:…`): a typo in either half
 * is caught at start rather than when a value fails to decrypt.
 */
export function parsePreviousKeys(given: string | undefined, current: Buffer): Buffer[] {
  if (!given?.trim()) return [];
  const currentId = keyIdOf(current);
  const seen = new Set<string>();
  return given
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair, i) => {
      const at = `${PREVIOUS} entry ${i + 1}`;
      const colon = pair.indexOf(':');
      if (colon <= 0) throw new Error(`${at} must be <keyId>:<base64 key> (e.g. 1a2b3c4d:…)`);
      const id = pair.slice(0, colon);
      const key = Buffer.from(pair.slice(colon + 1), 'base64');
      if (key.length !== 32) throw new Error(`${at} (key id ${id}): the key must be base64 of exactly 32 bytes`);
      const actual = keyIdOf(key);
      if (actual !== id) throw new Error(`${at}: key id ${id} does not match its key (whose id is ${actual})`);
      if (id === currentId)
        throw new Error(`${at}: key ${id} is the current CORDON_SECRET_KEY; list only earlier keys`);
      if (seen.has(id)) throw new Error(`${at}: key ${id} is listed twice`);
      seen.add(id);
      return key;
    });
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
