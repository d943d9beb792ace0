import { createHash } from 'node:crypto';
import type { Marking, NewReport } from '@cordon/contracts';
import type { ReportsService } from '../features/intel/reports.service.ts';
import { base58check } from '../features/intel/selectors/base58check.ts';
import { normaliseSelector } from '../features/intel/selectors/index.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { systemViewer } from '../platform/auth/viewer.ts';
import type { Database } from '../platform/db/database.ts';
import { CENTRES, FAMILY, GIVEN, HANDLE_WORDS, MO_SETS, ORGS, PEOPLE, TITLES } from './intel-data.ts';
import { type Prng, prng } from './prng.ts';

/** A valid TRON address derived from a number (base58check, version byte 0x41). */
function tronAddress(n: number): string {
  const body = createHash('sha256').update(`cordon-demo-wallet-${n}`).digest().subarray(0, 20);
  return base58check.encode(Uint8Array.from([0x41, ...body]));
}

/** A valid mobile number of the country, found deterministically. */
function phone(r: Prng, country: string): string {
  // Mobile prefix and the number of digits that follow it.
  const plan: Record<string, [string, number]> = {
    TH: ['+668', 8],
    KH: ['+85512', 6],
    MM: ['+959', 9],
    PH: ['+639', 9],
    LA: ['+85620', 8],
  };
  const [prefix, rest] = plan[country] ?? ['+668', 8];
  for (let i = 0; i < 50; i++) {
    const n = normaliseSelector({ kind: 'phone', value: `${prefix}${r.digits(rest)}`, country });
    if (n.ok) return n.selector.value;
  }
  throw new Error(`no valid demo phone number for ${country}`);
}

/**
 * Intelligence from many agencies with realistic overlaps: shared wallets, phone numbers and
 * handles, the same compounds under other names or nearby, the same people spelled in other
 * scripts, so hits, networks and the map are there on first start. Submitted through the real
 * service, so every hit and alert is made the way live ones are.
 */
export async function seedDemoIntel(
  database: Database,
  reports: ReportsService,
  options: { scale?: number } = {},
): Promise<number> {
  const r = prng(2026);
  const scale = Math.max(1, options.scale ?? 1);
  const agencies = await database.db
    .selectFrom('agencies')
    .select(['id', 'country', 'region', 'kind', 'name'])
    .where('country', 'in', [
      'TH',
      'KH',
      'MM',
      'PH',
      'LA',
      'VN',
      'ID',
      'MY',
      'CN',
      'KR',
      'IN',
      'KE',
      'AU',
      'GB',
      'US',
      'SG',
      'JP',
      'AE',
    ])
    .where('kind', 'in', ['ncb', 'police', 'fiu'])
    .orderBy('country')
    .orderBy('name')
    .execute();
  // Small "hot" pools that several agencies meet on, and many one-off selectors.
  const wallets = Array.from({ length: 200 }, (_, i) => tronAddress(i));
  const phones = Array.from({ length: 200 }, () => phone(r, r.pick(['TH', 'KH', 'MM', 'PH', 'LA'])));
  const handles = Array.from({ length: 200 }, (_, i) => `${r.pick(HANDLE_WORDS)}_${r.pick(HANDLE_WORDS)}${i}`);
  const domains = Array.from(
    { length: 60 },
    (_, i) => `${r.pick(HANDLE_WORDS)}-${r.pick(['trade', 'invest', 'coin', 'jobs'])}${i}.com`,
  );
  let count = 0;
  const total = 140 * scale;
  const base = Date.UTC(2026, 0, 5);
  for (let i = 0; i < total; i++) {
    const agency = agencies[i % agencies.length];
    if (!agency) break;
    const viewer: Viewer = systemViewer(agency, ['analyst']);
    const input = demoReport(
      r,
      i,
      agency.id,
      agencies.map((a) => a.id),
      { wallets, phones, handles, domains },
    );
    await reports.submit(viewer, input, { at: new Date(base + i * 3 * 3600_000) });
    count++;
  }
  return count;
}

interface Pools {
  wallets: string[];
  phones: string[];
  handles: string[];
  domains: string[];
}

function marking(r: Prng, self: string, all: string[]): Marking {
  const grade = {
    reliability: r.pick(['A', 'B', 'B', 'C', 'C', 'D']),
    credibility: r.pick(['1', '2', '2', '3', '3', '4']),
  } as const;
  const roll = r.next();
  if (roll < 0.55) return { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', ...grade } as Marking;
  if (roll < 0.8)
    return { tlp: 'AMBER', audience: { kind: 'regions', regions: ['Asia'] }, pap: 'AMBER', ...grade } as Marking;
  if (roll < 0.93) return { tlp: 'AMBER', audience: { kind: 'all' }, pap: 'AMBER', ...grade } as Marking;
  const named = r.some(
    all.filter((a) => a !== self),
    2,
  );
  return { tlp: 'RED', audience: { kind: 'agencies', agencyIds: named }, pap: 'RED', ...grade } as Marking;
}

function demoReport(r: Prng, i: number, self: string, all: string[], p: Pools): NewReport {
  const centre = CENTRES[i % CENTRES.length] as (typeof CENTRES)[number];
  const person = PEOPLE[(i * 7) % PEOPLE.length] as (typeof PEOPLE)[number];
  const org = ORGS[i % ORGS.length] as (typeof ORGS)[number];
  // Overlaps: about one selector in eight comes from a hot pool of 8, so agencies meet on them.
  const draw = (pool: string[]) => pool[r.next() < 0.12 ? r.int(0, 7) : r.int(8, pool.length - 1)] as string;
  const wallet = draw(p.wallets);
  const tel = draw(p.phones);
  const handle = draw(p.handles);
  const jitter = () => (r.next() - 0.5) * 0.004;
  const useAlias = r.next() < 0.3 && centre.aliases.length > 0;
  // Known people recur (spelled in other scripts by other agencies); the rest are one-offs.
  const known = r.next() < 0.3;
  const names = known ? (r.next() < 0.5 ? person.names : person.alt) : [`${r.pick(GIVEN)} ${r.pick(FAMILY)}`];
  const report: NewReport = {
    title: `${TITLES[i % TITLES.length]} (${centre.country}-${String(i + 1).padStart(3, '0')})`,
    summary: `Demo intelligence ${i + 1}: ${person.role} linked to ${centre.name}. Fictional data.`,
    marking: marking(r, self, all),
    moTags: MO_SETS[i % MO_SETS.length] as string[],
    persons: [
      {
        ref: 'p',
        names,
        dateOfBirth: known ? (r.next() < 0.7 ? person.dob : person.dob.slice(0, 4)) : `19${r.int(70, 99)}`,
        nationalities: known ? person.nat : [],
        role: person.role,
      },
    ],
    organisations: r.next() < 0.4 ? [{ ref: 'o', name: org.name, aliases: org.aliases, kind: org.kind }] : [],
    scamCentres: [
      {
        ref: 'c',
        name: useAlias ? (centre.aliases[0] as string) : centre.name,
        country: centre.country,
        location: { lat: centre.lat + jitter(), lon: centre.lon + jitter() },
        status: r.pick(['active', 'active', 'active', 'raided', 'relocated', 'closed']),
        workforce: r.int(50, 3000),
      },
    ],
    selectors: [
      { ref: 'w', kind: 'crypto', value: wallet, chain: 'tron' },
      { ref: 't', kind: 'phone', value: tel },
      { ref: 'h', kind: 'handle', value: `@${handle}`, platform: 'telegram' },
      ...(r.next() < 0.3 ? [{ ref: 'd', kind: 'domain' as const, value: draw(p.domains) }] : []),
    ],
    relationships: [
      { from: 'p', to: 'c', type: person.role === 'boss' ? 'operates' : 'works-at' },
      { from: 'p', to: 'w', type: 'controls' },
      { from: 'p', to: 't', type: 'uses' },
      { from: 'p', to: 'h', type: 'uses' },
    ],
    sourceRef: `demo-${i}`,
  };
  if (report.organisations?.length) report.relationships?.push({ from: 'p', to: 'o', type: 'member-of' });
  return report;
}
