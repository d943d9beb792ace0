import type { Agency, AgencyKind, Region } from '@cordon/contracts';
import type { Executor } from '../../platform/db/database.ts';

interface AgencyRow {
  id: string;
  name: string;
  country: string;
  region: string;
  kind: string;
  created_at: Date;
}

export function toAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    region: r.region as Region,
    kind: r.kind as AgencyKind,
    createdAt: r.created_at.toISOString(),
  };
}

/** Agencies: the only place with their SQL. Member agencies are visible to every member. */
export class AgenciesRepository {
  async list(db: Executor, filter: { country?: string; kind?: AgencyKind } = {}): Promise<Agency[]> {
    let q = db.selectFrom('agencies').selectAll();
    if (filter.country) q = q.where('country', '=', filter.country);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    return (await q.orderBy('country').orderBy('name').execute()).map(toAgency);
  }

  async get(db: Executor, id: string): Promise<Agency | null> {
    const r = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAgency(r) : null;
  }

  async findByName(db: Executor, country: string, name: string): Promise<Agency | null> {
    const r = await db
      .selectFrom('agencies')
      .selectAll()
      .where('country', '=', country)
      .where('name', '=', name)
      .executeTakeFirst();
    return r ? toAgency(r) : null;
  }

  async insert(db: Executor, a: { name: string; country: string; region: Region; kind: AgencyKind }): Promise<Agency> {
    const r = await db.insertInto('agencies').values(a).returningAll().executeTakeFirstOrThrow();
    return toAgency(r);
  }
}
