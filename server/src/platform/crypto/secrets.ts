import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../http/errors.ts';

/** The key id a value names: the first 8 hex digits of the key's SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** The key id named by a stored value (`v1:<keyId>:…`), or null when it is not one. */
export function storedKeyId(stored: string): string | null {
  const [v, keyId] = stored.split(':', 2);
  return v === 'v1' && keyId ? keyId : null;
}

/**
 * Field encryption (AES-256-GCM) with a key id, for secrets and protected personal data.
 * Stored form: `v1:<keyId>:<iv b64url>:<tag b64url>:<ciphertext b64url>`.
 * Encrypts with the current key; decrypts with the key the value names: the current one or one of
 * the previous keys (CORDON_PREVIOUS_SECRET_KEYS), so values written before a rotation stay
 * readable until `cordon keys rekey` has moved them to the current key.
 */
export class FieldCipher {
  readonly keyId: string;
  readonly #keys: Map<string, Buffer>;
  constructor(
    private readonly key: Buffer,
    previous: readonly Buffer[] = [],
  ) {
    if (key.length !== 32) throw new Error('the platform key must be 32 bytes (base64 of 32 random bytes)');
    this.keyId = keyIdOf(key);
    this.#keys = new Map();
    for (const k of previous) {
      if (k.length !== 32) throw new Error('a previous platform key must be 32 bytes (base64 of 32 random bytes)');
      this.#keys.set(keyIdOf(k), k);
    }
    this.#keys.set(this.keyId, key);
  }

  /** Key ids this cipher can decrypt: the current one first. */
  get keyIds(): string[] {
    return [this.keyId, ...[...this.#keys.keys()].filter((k) => k !== this.keyId)];
  }

  /** True when the stored value is under the current key (nothing to re-encrypt). */
  isCurrent(stored: string): boolean {
    return storedKeyId(stored) === this.keyId;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [
      'v1',
      this.keyId,
      iv.toString('base64url'),
      c.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [v, keyId, iv, tag, body] = stored.split(':');
    if (v !== 'v1' || !keyId || !iv || !tag || body === undefined) throw new Error('not an encrypted field');
    const key = this.#keys.get(keyId);
    if (!key)
      throw new UnknownKeyError(
        `field was encrypted with key ${keyId}, which is neither the current key (${this.keyId}, CORDON_SECRET_KEY) nor listed in CORDON_PREVIOUS_SECRET_KEYS`,
        keyId,
      );
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  }
}

/**
 * A stored value names a key the platform was not given: a configuration fault the operator must
 * mend (restore the key in CORDON_PREVIOUS_SECRET_KEYS), answered as a 503 problem naming the key id
 * (never the key) instead of an anonymous 500.
 */
export class UnknownKeyError extends AppError {
  constructor(
    message: string,
    readonly keyId: string,
  ) {
    super(503, 'key-unavailable', 'Encryption key unavailable', message);
    this.name = 'UnknownKeyError';
  }
}

/** A random token for cookies and API tokens: prefix + 32 random bytes, base64url. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as SHA-256 only: high-entropy secrets need no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
