import { type Audience, REGIONS, type Region, TLP_LEVELS, type Tlp } from '@cordon/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import { canSee, type Reader, validateMarking } from './markings.ts';
import { visibleTo } from './visible-to.ts';

const OWNER = '10000000-0000-4000-8000-000000000001';
const NAMED = '10000000-0000-4000-8000-000000000002';
const OTHER = '10000000-0000-4000-8000-000000000003';

const audiences: Audience[] = [
  { kind: 'all' },
  { kind: 'regions', regions: ['Asia'] },
  { kind: 'regions', regions: ['Europe', 'Africa'] },
  { kind: 'agencies', agencyIds: [NAMED] },
  { kind: 'agencies', agencyIds: [NAMED, OTHER] },
];

/** Every valid TLP × audience combination, owned by OWNER. */
const records = TLP_LEVELS.flatMap((tlp: Tlp) =>
  audiences
    .filter(
      (audience) => validateMarking({ tlp, audience, pap: 'AMBER', reliability: 'C', credibility: '3' }).length === 0,
    )
    .flatMap((audience, i) => [
      { id: `${tlp}/${i}`, ownerAgencyId: OWNER, tlp, audience, disclosedTo: [] as string[] },
      // The same record after the owner disclosed it to OTHER following a hit.
      { id: `${tlp}/${i}/disclosed`, ownerAgencyId: OWNER, tlp, audience, disclosedTo: [OTHER] },
    ]),
);

/** Viewer agencies: the owner, a named one, others in and out of the owner's region. */
const readers: Array<Reader | null> = [
  null,
  { agencyId: OWNER, region: 'Asia' },
  ...REGIONS.flatMap((region: Region) => [
    { agencyId: NAMED, region },
    { agencyId: OTHER, region },
    { agencyId: '10000000-0000-4000-8000-000000000009', region },
  ]),
];

describe.each(drivers)('markings matrix: visibleTo (SQL) = canSee on %s', (driver) => {
  const t = useTestDb(driver);

  it('agrees for every TLP level × audience × viewer agency', async () => {
    const db = t().database.db;
    await sql`create table marked_probe (
      id text primary key, owner_agency_id uuid not null, tlp text not null,
      audience_kind text not null, audience_regions text[] not null, audience_agencies uuid[] not null,
      disclosed_to uuid[] not null)`.execute(db);
    for (const r of records) {
      await sql`insert into marked_probe values (${r.id}, ${r.ownerAgencyId}, ${r.tlp}, ${r.audience.kind},
        ${r.audience.kind === 'regions' ? r.audience.regions : []}::text[],
        ${r.audience.kind === 'agencies' ? r.audience.agencyIds : []}::uuid[], ${r.disclosedTo}::uuid[])`.execute(db);
    }
    expect(records.length).toBeGreaterThan(15);
    let checked = 0;
    for (const reader of readers) {
      const q = await sql<{
        id: string;
      }>`select id from marked_probe p where ${visibleTo(reader, 'p', { disclosed: true })} order by id`.execute(db);
      const fromSql = q.rows.map((r) => r.id).sort();
      const fromJs = records
        .filter((r) => canSee(reader, r))
        .map((r) => r.id)
        .sort();
      expect(fromSql, `reader ${JSON.stringify(reader)}`).toEqual(fromJs);
      checked += records.length;
    }
    // Spot checks with hand-written expectations, so the rule itself is pinned, not only its two renderings.
    const see = (reader: Reader | null) => records.filter((r) => canSee(reader, r)).map((r) => r.id);
    expect(see(null).every((id) => id.startsWith('CLEAR/'))).toBe(true);
    expect(see({ agencyId: OWNER, region: 'Asia' })).toHaveLength(records.length);
    expect(see({ agencyId: OTHER, region: 'Oceania' }).some((id) => id.startsWith('RED/'))).toBe(true); // named in [NAMED, OTHER]
    expect(
      see({ agencyId: '10000000-0000-4000-8000-000000000009', region: 'Oceania' }).some((id) => id.startsWith('RED/')),
    ).toBe(false);
    expect(checked).toBe(readers.length * records.length);
    // Disclosure widens to the named agency only.
    const byId = (id: string) => {
      const r = records.find((x) => x.id === id);
      if (!r) throw new Error(`no record ${id}`);
      return r;
    };
    // RED/0 is addressed to NAMED only.
    expect(canSee({ agencyId: OTHER, region: 'Africa' }, byId('RED/0'))).toBe(false);
    expect(canSee({ agencyId: OTHER, region: 'Africa' }, byId('RED/0/disclosed'))).toBe(true);
    expect(canSee({ agencyId: NAMED, region: 'Africa' }, byId('RED/0/disclosed'))).toBe(true);
    await sql`drop table marked_probe`.execute(db);
  });
});
