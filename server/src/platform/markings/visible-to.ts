import { type RawBuilder, sql } from 'kysely';
import type { Reader } from './markings.ts';

/**
 * The one visibility predicate for repositories: `.where(visibleTo(viewer, 'reports'))`.
 * Same rule as `canSee` (markings.ts); the markings matrix test holds them equal.
 * `alias` is the table name or alias carrying the standard marking columns; with `disclosed`,
 * also its `disclosed_to uuid[]` column (agencies the owner disclosed the record to).
 */
export function visibleTo(
  reader: Reader | null,
  alias: string,
  options: { disclosed?: boolean } = {},
): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  if (reader === null) return sql<boolean>`(${col('tlp')} = 'CLEAR')`;
  return sql<boolean>`(
    ${col('owner_agency_id')} = ${reader.agencyId}::uuid
    or ${col('tlp')} = 'CLEAR'
    or ${col('audience_kind')} = 'all'
    or (${col('audience_kind')} = 'regions' and ${reader.region}::text = any(${col('audience_regions')}))
    or (${col('audience_kind')} = 'agencies' and ${reader.agencyId}::uuid = any(${col('audience_agencies')}))
    ${options.disclosed ? sql`or ${reader.agencyId}::uuid = any(${col('disclosed_to')})` : sql``}
  )`;
}
