import { createHmac, hkdfSync } from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/secrets.ts';

/**
 * Victims' personal fields at rest: each field is its own FieldCipher ciphertext (AES-256-GCM,
 * `v1:<keyId>:…`). Decryption picks the key by the id in the stored value, so fields written under
 * a previous key stay readable during a rotation. Blind keys (HMAC-SHA256 under a key derived from
 * the platform key) stand in for names wherever the database must compare them.
 */
export class PersonalData {
  readonly #byId: Map<string, FieldCipher>;
  readonly #blindKey: Buffer;
  constructor(
    readonly current: FieldCipher,
    secretKey: Buffer,
    previous: readonly FieldCipher[] = [],
  ) {
    this.#byId = new Map([...previous, current].map((c) => [c.keyId, c]));
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
    if (stored === null) return null;
    const keyId = stored.split(':', 3)[1] ?? '';
    const cipher = this.#byId.get(keyId);
    if (!cipher) throw new Error(`personal field encrypted with unknown key ${keyId}`);
    return cipher.decrypt(stored);
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
