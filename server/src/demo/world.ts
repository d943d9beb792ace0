import type { Region } from '@cordon/contracts';
import { sql } from 'kysely';
import { COUNTRIES, countryOf } from '../features/agencies/countries.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database, Tx } from '../platform/db/database.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, EXTRA_AGENCIES } from './accounts.ts';

export interface SeedOptions {
  /** Multiplies the synthetic volume (extra analysts per national bureau) for benchmarks. */
  scale?: number;
}

export interface SeedSummary {
  agencies: number;
  users: number;
}

const HUB = { name: 'Cordon Coordination Hub (demo)', country: 'FR' };

/** True when the database holds no agency yet (first start). */
export async function isEmpty(database: Database): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from agencies`.execute(database.db);
  return (r.rows[0]?.n ?? 0) === 0;
}

/**
 * Loads the deterministic, fictional demo world: the hub, a national central bureau for
 * every UN member state, a few FIUs, police units, consulates and NGOs, and demo users of
 * every role. One transaction: all of it or nothing. Later features add their data here.
 */
export async function seedDemoWorld(
  database: Database,
  deps: { clock: Clock; cipher: FieldCipher },
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const audit = createAuditor(deps.clock);
  return database.transaction(async (tx) => {
    const ids = await insertAgencies(tx);
    let users = 0;
    for (const u of DEMO_USERS) {
      const agencyId = ids.get(u.agency);
      if (!agencyId) throw new Error(`demo user ${u.email}: no agency ${u.agency}`);
      await tx
        .insertInto('users')
        .values({
          agency_id: agencyId,
          email: u.email,
          display_name: u.name,
          roles: u.roles,
          password_hash: passwordHash,
          totp_secret_enc: u.mfa ? deps.cipher.encrypt(DEMO_TOTP_SECRET) : null,
          totp_pending_enc: null,
          totp_last_step: null,
          last_login_at: null,
        })
        .execute();
      users += 1;
    }
    // Synthetic analysts for load tests: (scale - 1) per national bureau.
    const extra = [...ids].filter(([k]) => k.startsWith('ncb-'));
    for (let i = 1; i < scale; i++) {
      const rows = extra.map(([key, agencyId]) => ({
        agency_id: agencyId,
        email: `analyst${i}@${key.slice(4).toLowerCase()}.load.cordon.example`,
        display_name: `Load Analyst ${i} ${key.slice(4)}`,
        roles: ['analyst'],
        password_hash: passwordHash,
        totp_secret_enc: null,
        totp_pending_enc: null,
        totp_last_step: null,
        last_login_at: null,
      }));
      await tx.insertInto('users').values(rows).execute();
      users += rows.length;
    }
    const summary = { agencies: ids.size, users };
    await audit(tx, { viewer: null }, { action: 'demo.seeded', objectType: 'system', details: { ...summary, scale } });
    return summary;
  });
}

async function insertAgencies(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const hubRegion = countryOf(HUB.country)?.region as Region;
  const hub = await tx
    .insertInto('agencies')
    .values({ name: HUB.name, country: HUB.country, region: hubRegion, kind: 'hub' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.set('hub', hub.id);
  const members = [...COUNTRIES.values()].filter((c) => c.unMember).sort((a, b) => a.code.localeCompare(b.code));
  const ncbs = await tx
    .insertInto('agencies')
    .values(
      members.map((c) => ({
        name: `National Central Bureau ${c.name}`,
        country: c.code,
        region: c.region,
        kind: 'ncb',
      })),
    )
    .returning(['id', 'country'])
    .execute();
  for (const r of ncbs) ids.set(`ncb-${r.country}`, r.id);
  for (const a of EXTRA_AGENCIES) {
    const region = countryOf(a.country)?.region;
    if (!region) throw new Error(`demo agency ${a.key}: unknown country ${a.country}`);
    const r = await tx
      .insertInto('agencies')
      .values({ name: a.name, country: a.country, region, kind: a.kind })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(a.key, r.id);
  }
  return ids;
}
