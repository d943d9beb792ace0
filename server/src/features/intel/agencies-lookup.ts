import type { Region } from '@cordon/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { AgencyInfo } from './matching.ts';

/**
 * Agencies' names, countries and regions change rarely (no route renames an agency today), and
 * nearly every intelligence read names some. Each node keeps what it read for a minute, so a hot
 * lookup does not read the agencies table per request. Keyed by id (UUIDs, unique across databases).
 */
const TTL_MS = 60_000;
const MAX = 10_000;
const cache = new Map<string, { info: AgencyInfo; until: number }>();

/** Names and regions of the agencies a hit or alert speaks of. */
export async function agencyInfos(db: Executor, ids: string[]): Promise<Map<string, AgencyInfo>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, AgencyInfo>();
  if (unique.length === 0) return out;
  const now = performance.now();
  const missing: string[] = [];
  for (const id of unique) {
    const c = cache.get(id);
    if (c && c.until > now) out.set(id, c.info);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'country', 'region'])
    .where('id', 'in', missing)
    .execute();
  if (cache.size + rows.length > MAX) cache.clear();
  for (const r of rows) {
    const info = { id: r.id, name: r.name, country: r.country, region: r.region as Region };
    out.set(r.id, info);
    cache.set(r.id, { info, until: now + TTL_MS });
  }
  return out;
}
