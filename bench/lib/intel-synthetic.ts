/**
 * Deterministic synthetic intelligence for the ingest, lookup and alert benchmarks: selectors
 * as agencies write them (phones in national and international form, TRON and Ethereum wallets,
 * e-mail addresses, Telegram handles and links, domains, some defanged), grouped in reports
 * from many agencies. A fraction of the selectors comes from a shared pool, written differently
 * each time, so that normalisation has to bring them together and cross-matching finds hits.
 *
 * Every selector has an identity (its kind and a number); two occurrences with the same identity
 * normalise to the same key, and two different identities never do. That lets the benchmarks
 * know, without the database, how many hits the server must find.
 */
import { createHash } from 'node:crypto';
import type { Marking, NewReport, NewSelector, Region } from '@cordon/contracts';
import { prng } from '../../server/src/demo/prng.ts';
import { base58check } from '../../server/src/features/intel/selectors/base58check.ts';
import type { SelectorInput } from '../../server/src/features/intel/selectors/index.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemViewer as platformSystemViewer } from '../../server/src/platform/auth/viewer.ts';
import type { Database } from '../../server/src/platform/db/database.ts';

export type SyntheticKind = 'phone' | 'tron' | 'eth' | 'email' | 'handle' | 'domain';

/** Share of each kind among the selectors (sums to 1). */
export const KIND_MIX: ReadonlyArray<[SyntheticKind, number]> = [
  ['phone', 0.35],
  ['tron', 0.15],
  ['eth', 0.1],
  ['email', 0.15],
  ['handle', 0.15],
  ['domain', 0.1],
];

const WORDS = [
  'lucky',
  'gold',
  'star',
  'jade',
  'tiger',
  'river',
  'cloud',
  'fortune',
  'dragon',
  'lotus',
  'harbor',
  'summit',
  'pearl',
  'crown',
  'mekong',
  'silk',
] as const;
const MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.com', 'hotmail.com'] as const;
const TLDS = ['com', 'net', 'xyz', 'top', 'vip', 'io'] as const;
export const MO_CODES = [
  'voice-phishing',
  'romance-pig-butchering',
  'investment-fraud',
  'crypto-fraud',
  'job-task-scam',
  'money-mule',
  'collection-account',
  'otc-cash-out',
  'human-trafficking',
] as const;

/** One selector identity: the same (kind, n) always means the same selector. */
export interface SelectorIdentity {
  kind: SyntheticKind;
  n: number;
}

const word = (n: number) => WORDS[n % WORDS.length] as string;

/** A 9-digit number from n, a bijection for n < 10^9 (7919 is coprime with 10). */
const scramble = (n: number, mod: number) => String((n * 7919 + 12345) % mod).padStart(String(mod - 1).length, '0');

function hex40(label: string, n: number): string {
  return createHash('sha256').update(`${label}-${n}`).digest('hex').slice(0, 40);
}

/**
 * The selector `id` as written the `variant`-th way, with the fields a submission carries.
 * Every spelling of an identity normalises to the same key.
 */
export function writeSelector(id: SelectorIdentity, variant: number, ref: string): NewSelector {
  const { kind, n } = id;
  const v = variant % 4;
  switch (kind) {
    case 'phone': {
      // Thai mobiles (+66 8x xxx xxxx) and Philippine Globe mobiles (+63 917 xxx xxxx).
      if (n % 2 === 0) {
        const d = scramble(n >>> 1, 100_000_000); // 8 digits after the 8
        const national = `08${d.slice(0, 1)}-${d.slice(1, 4)}-${d.slice(4)}`;
        // Not "0066 8…": with country TH libphonenumber reads 006 as a Thai international prefix,
        // and about 3 % of such numbers then parse as valid +680 (Palau) numbers.
        const spelled = [`+66 8${d.slice(0, 1)} ${d.slice(1, 4)} ${d.slice(4)}`, national, `+668${d}`, `(+66) 8${d}`];
        return { ref, kind: 'phone', value: spelled[v] as string, ...(v === 1 ? { country: 'TH' } : {}) };
      }
      const d = scramble(n >>> 1, 10_000_000); // 7 digits after 917
      const spelled = [`+63 917 ${d.slice(0, 3)} ${d.slice(3)}`, `0917-${d.slice(0, 3)}-${d.slice(3)}`, `+63917${d}`];
      const i = v % 3;
      return { ref, kind: 'phone', value: spelled[i] as string, ...(i === 1 ? { country: 'PH' } : {}) };
    }
    case 'tron': {
      const body = Buffer.from(hex40('bench-tron', n), 'hex');
      return { ref, kind: 'crypto', value: base58check.encode(Uint8Array.from([0x41, ...body])), chain: 'tron' };
    }
    case 'eth': {
      const h = hex40('bench-eth', n);
      // Lower or upper case: both carry no checksum and normalise to the EIP-55 form.
      return {
        ref,
        kind: 'crypto',
        value: `0x${v % 2 === 0 ? h : h.toUpperCase()}`,
        ...(v === 2 ? {} : { chain: 'ethereum' }),
      };
    }
    case 'email': {
      const domain = MAIL_DOMAINS[n % MAIL_DOMAINS.length] as string;
      const local = `${word(n)}${n}`;
      const spelled = [
        `${local}@${domain}`,
        `${local.toUpperCase()}@${domain.toUpperCase()}`,
        `${local}+ads${v}@${domain}`,
        `${local}[@]${domain.replace('.', '[.]')}`,
      ];
      return { ref, kind: 'email', value: spelled[v] as string };
    }
    case 'handle': {
      const name = `${word(n)}_agent${n}`;
      const spelled = [
        `@${name}`,
        `@${name[0]?.toUpperCase()}${name.slice(1)}`,
        `https://t.me/${name}`,
        `t.me/${name}`,
      ];
      return { ref, kind: 'handle', value: spelled[v] as string, ...(v < 2 ? { platform: 'telegram' as const } : {}) };
    }
    case 'domain': {
      const host = `${word(n)}-invest${n}.${TLDS[n % TLDS.length]}`;
      const spelled = [host, host.toUpperCase(), `${host}.`, host.replace(/\.(?=[^.]+$)/, '[.]')];
      return { ref, kind: 'domain', value: spelled[v] as string };
    }
  }
}

/** What prepareReport hands the normaliser for a submitted selector. */
export function selectorInput(s: NewSelector, defaultCountry: string): SelectorInput {
  return {
    kind: s.kind,
    value: s.value,
    country: s.country ?? defaultCountry,
    ...(s.platform ? { platform: s.platform } : {}),
    ...(s.chain ? { chain: s.chain } : {}),
  };
}

export interface SyntheticAgency {
  id: string;
  name: string;
  country: string;
  region: Region;
}

/** `count` seeded agencies (national bureaux, police, FIUs first), in a stable order. */
export async function benchAgencies(database: Database, count: number): Promise<SyntheticAgency[]> {
  const rows = await database.db
    .selectFrom('agencies')
    .select(['id', 'name', 'country', 'region', 'kind'])
    .where('kind', 'in', ['ncb', 'police', 'fiu'])
    .orderBy('kind', 'desc')
    .orderBy('country')
    .orderBy('name')
    .execute();
  if (rows.length < count) throw new Error(`the demo world has ${rows.length} agencies, ${count} wanted`);
  // Spread over the world rather than the first countries of the alphabet.
  const step = rows.length / count;
  return Array.from({ length: count }, (_, i) => {
    const r = rows[Math.floor(i * step)]!;
    return { id: r.id, name: r.name, country: r.country, region: r.region as Region };
  });
}

/** How `seedDemoIntel` submits for an agency: the system acting for it. */
export function systemViewer(a: SyntheticAgency): Viewer {
  return platformSystemViewer(a, ['analyst']);
}

export interface SyntheticReport {
  agency: number;
  input: NewReport;
  ids: SelectorIdentity[];
}

export interface SyntheticSet {
  reports: SyntheticReport[];
  selectors: number;
  /** Selector draws that came from the shared pool, and the pool size. */
  sharedDraws: number;
  poolSize: number;
  /** Hits the server must record when the reports are submitted one after another, in order. */
  expectedHits: number;
}

export interface SyntheticOptions {
  reports: number;
  perReport: number;
  agencies: SyntheticAgency[];
  /** Share of selectors drawn from the shared pool (0.02). */
  shared: number;
  /** Average occurrences of each pool selector: the pool is sized so that work per selector stays
   *  the same at every scale (4: about 1.5 hits per shared draw). */
  poolReuse?: number;
  seed?: number;
  /** Identities above this offset are fresh ones (keeps sets of two calls apart). */
  freshOffset?: number;
}

/**
 * Reports of `perReport` selectors each, from agencies picked at random. The kinds follow
 * KIND_MIX; a `shared` fraction of the selectors come from a pool that many agencies meet on.
 */
export function synthesiseReports(o: SyntheticOptions): SyntheticSet {
  const r = prng(o.seed ?? 20260301);
  const total = o.reports * o.perReport;
  const poolSize = Math.max(20, Math.round((total * o.shared) / (o.poolReuse ?? 4)));
  const pick = (): SyntheticKind => {
    const x = r.next();
    let acc = 0;
    for (const [k, w] of KIND_MIX) {
      acc += w;
      if (x < acc) return k;
    }
    return 'phone';
  };
  const poolKinds = Array.from({ length: poolSize }, pick);
  const fresh = new Map<SyntheticKind, number>(KIND_MIX.map(([k]) => [k, (o.freshOffset ?? 0) + poolSize]));
  const holders = new Map<string, Set<number>>();
  let expectedHits = 0;
  let sharedDraws = 0;
  const reports: SyntheticReport[] = [];
  for (let i = 0; i < o.reports; i++) {
    const agency = r.int(0, o.agencies.length - 1);
    const self = o.agencies[agency]!;
    const ids: SelectorIdentity[] = [];
    for (let j = 0; j < o.perReport; j++) {
      if (r.next() < o.shared) {
        const n = r.int(0, poolSize - 1);
        ids.push({ kind: poolKinds[n]!, n });
        sharedDraws++;
      } else {
        const kind = pick();
        const n = fresh.get(kind)!;
        fresh.set(kind, n + 1);
        ids.push({ kind, n });
      }
    }
    for (const id of ids) {
      const held = holders.get(`${id.kind}:${id.n}`);
      if (held) expectedHits += held.size - (held.has(agency) ? 1 : 0);
    }
    for (const id of ids) {
      const k = `${id.kind}:${id.n}`;
      const held = holders.get(k);
      if (held) held.add(agency);
      else holders.set(k, new Set([agency]));
    }
    reports.push({
      agency,
      ids,
      input: {
        title: `Synthetic report ${i + 1} (${self.country})`,
        summary: `Benchmark data ${i + 1}: selectors seen in one investigation. Fictional.`,
        marking: markingFor(r, self, o.agencies),
        moTags: r.some(MO_CODES, r.int(1, 2)),
        selectors: ids.map((id, j) => writeSelector(id, r.int(0, 3), `s${j}`)),
        sourceRef: `bench-${i + 1}`,
      },
    });
  }
  return { reports, selectors: total, sharedDraws, poolSize, expectedHits };
}

function markingFor(r: ReturnType<typeof prng>, self: SyntheticAgency, all: SyntheticAgency[]): Marking {
  const grade = {
    reliability: r.pick(['A', 'B', 'B', 'C', 'C', 'D'] as const),
    credibility: r.pick(['1', '2', '2', '3', '3', '4'] as const),
  };
  const roll = r.next();
  if (roll < 0.6) return { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', ...grade };
  if (roll < 0.85)
    return { tlp: 'AMBER', audience: { kind: 'regions', regions: [self.region] }, pap: 'AMBER', ...grade };
  if (roll < 0.95) return { tlp: 'AMBER', audience: { kind: 'all' }, pap: 'AMBER', ...grade };
  const others = r.some(
    all.filter((a) => a.id !== self.id).map((a) => a.id),
    2,
  );
  return { tlp: 'RED', audience: { kind: 'agencies', agencyIds: others }, pap: 'RED', ...grade };
}
