/**
 * Resolved credentials kept for a moment per node, so a client hammering a machine route with
 * one API token does not look the token up on every request (docs/decisions.md, "API tokens are
 * cached for two seconds"). An entry lives at most `ttlMs` of wall time and never past the
 * credential's own expiry (by the injected clock). A revocation on this node clears the cache at
 * once; on another node it takes effect within `ttlMs`.
 */
export class CredentialCache<V> {
  readonly #entries = new Map<string, { value: V; until: number; expiresAt: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string, now: Date): V | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.until <= performance.now() || e.expiresAt <= now.getTime()) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, expiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, { value, until: performance.now() + this.ttlMs, expiresAt: expiresAt.getTime() });
  }

  clear(): void {
    this.#entries.clear();
  }
}
