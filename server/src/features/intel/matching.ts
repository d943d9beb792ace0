import { type HitReason, hitReason, type Region } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { canSee } from '../../platform/markings/markings.ts';
import { matchPersons, type PersonFacts } from './names/index.ts';
import { type EntityRow, gradeOf, markingOf, type ReportRow } from './reports.repository.ts';

/** A match found for a newly stored entity against another agency's entity. */
export interface FoundHit {
  kind: 'selector' | 'scam-centre' | 'person';
  matchKey: string;
  a: EntityRow;
  b: EntityRow;
  score: number;
  /** In English: the `text` of each of `reasonCodes`. */
  reasons: string[];
  reasonCodes: HitReason[];
  /** Exact selector hits need no analyst; fuzzy ones wait for a decision. */
  status: 'open' | 'confirmed';
}

const KM_PER_DEG = 111.32;

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const factsOf = (e: EntityRow): PersonFacts => {
  const a = (e.attrs ?? {}) as {
    names?: string[];
    dateOfBirth?: string | null;
    nationalities?: string[];
    gender?: string | null;
  };
  return {
    names: a.names ?? [e.label],
    ...(a.dateOfBirth ? { dateOfBirth: a.dateOfBirth } : {}),
    ...(a.nationalities?.length ? { nationalities: a.nationalities } : {}),
    ...(a.gender ? { gender: a.gender as PersonFacts['gender'] } : {}),
  };
};

/** Keeps the best match per other agency and new entity. */
export function bestPerAgency(found: FoundHit[]): FoundHit[] {
  const best = new Map<string, FoundHit>();
  for (const h of found) {
    const k = `${h.a.id}|${h.b.owner_agency_id}`;
    const cur = best.get(k);
    if (!cur || h.score > cur.score) best.set(k, h);
  }
  return [...best.values()];
}

/**
 * Finds, for the entities just stored, the entities of other agencies they match: the same
 * selector key; a scam centre of the same name or alias in the same country, or within
 * `centreKm`; a person whose transliterated names, date of birth and nationality match
 * (scored and explained). Runs in the submitting transaction.
 */
export async function findMatches(
  tx: Tx,
  fresh: EntityRow[],
  ownerAgencyId: string,
  centreKm: number,
): Promise<FoundHit[]> {
  const found: FoundHit[] = [];
  const selectors = fresh.filter((e) => e.key !== null);
  if (selectors.length > 0) {
    const keys = [...new Set(selectors.map((e) => e.key as string))];
    const others = await tx
      .selectFrom('entities')
      .selectAll()
      .where('key', 'in', keys)
      .where('owner_agency_id', '<>', ownerAgencyId)
      .orderBy('created_at')
      .execute();
    for (const a of selectors) {
      for (const b of others.filter((o) => o.key === a.key)) found.push(selectorHit(a, b));
    }
  }
  found.push(...(await findFuzzyMatches(tx, fresh, ownerAgencyId, centreKm)));
  return bestPerAgency(found);
}

const explained = (reasonCodes: HitReason[]) => ({ reasonCodes, reasons: reasonCodes.map((r) => r.text) });

/** The hit of a new selector entity `a` on another agency's entity `b` of the same key. */
export function selectorHit(a: EntityRow, b: EntityRow): FoundHit {
  return {
    kind: 'selector',
    matchKey: a.key as string,
    a,
    b,
    score: 1,
    ...explained([
      hitReason({ code: 'selector-same', params: { selectorKind: a.selector_kind ?? '', label: a.label } }),
    ]),
    status: 'confirmed',
  };
}

/**
 * Scam-centre and person matches of the new entities (not yet reduced to the best per agency).
 * `exclude` drops candidates the submission must not see (a bulk submission: entities of the
 * reports that come after it in the same batch, already stored in the transaction).
 */
export async function findFuzzyMatches(
  tx: Tx,
  fresh: EntityRow[],
  ownerAgencyId: string,
  centreKm: number,
  exclude: (b: EntityRow) => boolean = () => false,
): Promise<FoundHit[]> {
  const found: FoundHit[] = [];
  for (const a of fresh.filter((e) => e.kind === 'scam-centre')) {
    const near = a.lat !== null && a.lon !== null;
    const dLat = centreKm / KM_PER_DEG;
    const dLon = near ? centreKm / (KM_PER_DEG * Math.max(0.01, Math.cos(((a.lat as number) * Math.PI) / 180))) : 0;
    const candidates = await tx
      .selectFrom('entities')
      .selectAll()
      .where('kind', '=', 'scam-centre')
      .where('owner_agency_id', '<>', ownerAgencyId)
      .where('country', '=', a.country)
      .where((eb) => {
        const byName = eb(sql<boolean>`name_keys && ${a.name_keys}::text[]`, '=', true);
        if (!near) return byName;
        return eb.or([
          byName,
          eb.and([
            eb('lat', '>=', (a.lat as number) - dLat),
            eb('lat', '<=', (a.lat as number) + dLat),
            eb('lon', '>=', (a.lon as number) - dLon),
            eb('lon', '<=', (a.lon as number) + dLon),
          ]),
        ]);
      })
      .limit(200)
      .execute();
    for (const b of candidates) {
      if (exclude(b)) continue;
      const reasons: HitReason[] = [];
      let score = 0;
      const shared = b.name_keys.filter((k) => a.name_keys.includes(k));
      if (shared.length > 0) {
        reasons.push(
          hitReason({ code: 'centre-same-name', params: { country: a.country ?? '', name: shared[0] as string } }),
        );
        score = 0.9;
      }
      if (near && b.lat !== null && b.lon !== null) {
        const km = distanceKm({ lat: a.lat as number, lon: a.lon as number }, { lat: b.lat, lon: b.lon });
        if (km <= centreKm) {
          reasons.push(
            hitReason({ code: 'centre-near', params: { km: Math.round(km * 100) / 100, thresholdKm: centreKm } }),
          );
          score = Math.max(score, 0.8) + (shared.length > 0 ? 0.1 : 0);
        }
      }
      if (score > 0) {
        found.push({
          kind: 'scam-centre',
          matchKey: shared[0] ?? `geo:${a.country}`,
          a,
          b,
          score: Math.min(1, score),
          ...explained(reasons),
          status: 'open',
        });
      }
    }
  }

  for (const a of fresh.filter((e) => e.kind === 'person' && e.blocking_keys.length > 0)) {
    const candidates = await tx
      .selectFrom('entities')
      .selectAll()
      .where('kind', '=', 'person')
      .where('owner_agency_id', '<>', ownerAgencyId)
      .where(sql<boolean>`blocking_keys && ${a.blocking_keys}::text[]`)
      .limit(500)
      .execute();
    const facts = factsOf(a);
    for (const b of candidates) {
      if (exclude(b)) continue;
      const m = matchPersons(facts, factsOf(b));
      if (m.verdict === 'strong' || m.verdict === 'possible') {
        found.push({
          kind: 'person',
          matchKey: `person:${m.bestNamePair.join('~')}`,
          a,
          b,
          score: m.score,
          ...explained(m.codes.map(hitReason)),
          status: 'open',
        });
      }
    }
  }
  return found;
}

export interface AgencyInfo {
  id: string;
  name: string;
  country: string;
  region: Region;
}

/** Whether `viewer` agency may read the report (for what a hit may reveal to it). */
export function agencySees(viewer: AgencyInfo, report: ReportRow): boolean {
  const m = markingOf(report);
  return canSee(
    { agencyId: viewer.id, region: viewer.region },
    { ownerAgencyId: report.owner_agency_id, tlp: m.tlp, audience: m.audience, disclosedTo: report.disclosed_to },
  );
}

export { gradeOf };
