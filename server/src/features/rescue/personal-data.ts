import { createHmac, hkdfSync } from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/secrets.ts';

/**
 * Victims' personal fields at rest: each field is its own FieldCipher ciphertext (AES-256-GCM,
 * `v1:<keyId>:…`). Decryption picks the key by the id in the stored value, so fields written under
 * a previous key stay readable during a rotation (until `cordon keys rekey`). Blind keys (HMAC-SHA256 under a key derived from
 * the platform key) stand in for names wherever the database must compare them.
 */
export class PersonalData {
  readonly #blindKey: Buffer;
  /** `current` holds the previous keys too (CORDON_PREVIOUS_SECRET_KEYS): it decrypts by the value's key id. */
  constructor(
    readonly current: FieldCipher,
    secretKey: Buffer,
  ) {
    this.#blindKey = Buffer.from(hkdfSync('sha256', secretKey, 'cordon', 'rescue blind keys v1', 32));
  }

  get keyId(): string {
    return this.current.keyId;
  }

  enc(v: string | null | undefined): string | null {
    return v === null || v === undefined || v === '' ? null : this.current.encrypt(v);
  }

  encList(v: readonly string[] | undefined): string | null {
    return v && v.length > 0 ? this.current.encrypt(JSON.stringify(v)) : null;
  }

  encJson(v: unknown): string | null {
    return v === null || v === undefined ? null : this.current.encrypt(JSON.stringify(v));
  }

  dec(stored: string | null): string | null {
    return stored === null ? null : this.current.decrypt(stored);
  }

  decList(stored: string | null): string[] {
    const s = this.dec(stored);
    return s ? (JSON.parse(s) as string[]) : [];
  }

  decJson<T>(stored: string | null): T | null {
    const s = this.dec(stored);
    return s ? (JSON.parse(s) as T) : null;
  }

  /** A keyed hash: equal inputs give equal outputs, and it says nothing about the input. */
  blind(s: string): string {
    return createHmac('sha256', this.#blindKey).update(s).digest('base64url').slice(0, 22);
  }
}
