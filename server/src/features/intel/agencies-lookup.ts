import type { Region } from '@cordon/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { AgencyInfo } from './matching.ts';

/** Names and regions of the agencies a hit or alert speaks of. */
export async function agencyInfos(db: Executor, ids: string[]): Promise<Map<string, AgencyInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'country', 'region'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, country: r.country, region: r.region as Region }]));
}
