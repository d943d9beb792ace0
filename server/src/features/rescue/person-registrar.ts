import type { BulkRegistration } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Tx } from '../../platform/db/database.ts';
import { emitMany } from '../../platform/events/outbox.ts';
import { matchPersons, normaliseName, type PersonFacts } from '../intel/names/index.ts';
import { rescueBlockingKeys, ruledOutByBirth } from './blocking.ts';
import { type RescueDeps, todayOf } from './case-access.ts';
import type { PersonalData } from './personal-data.ts';
import type { CaseRow, PersonInsert, RescueRepository } from './rescue.repository.ts';
import type { PersonRow, RowError } from './rows.ts';

/** Candidates kept per registered person (best scores first). */
export const MATCHES_PER_PERSON = 3;

type PersonFactsInput = {
  name: string;
  aliases?: string[];
  dateOfBirth?: string | null;
  age?: number | null;
  nationality: string;
  gender?: string | null;
};

/** What the matcher compares; an age counts back from `year`. */
export function personFacts(p: PersonFactsInput, year: number): PersonFacts {
  return {
    names: [p.name, ...(p.aliases ?? [])],
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(!p.dateOfBirth && typeof p.age === 'number'
      ? { birthYearRange: [year - p.age - 1, year - p.age] as [number, number] }
      : {}),
    nationalities: [p.nationality],
    gender: (p.gender ?? 'unknown') as PersonFacts['gender'],
  };
}

/** The row key of a row given without one: a blind key of name, date of birth and nationality. */
export function derivedRowKey(
  p: PersonalData,
  person: { name: string; dateOfBirth?: string | null; nationality: string },
): string {
  return `h:${p.blind(`${normaliseName(person.name).key}|${person.dateOfBirth ?? ''}|${person.nationality}`)}`;
}

/** Stores persons on a case, detects duplicates across open cases, tells home consulates and holders. */
export class PersonRegistrar {
  constructor(
    private readonly d: Pick<RescueDeps, 'clock' | 'personal'>,
    private readonly repo: RescueRepository,
  ) {}

  private facts(p: PersonFactsInput): PersonFacts {
    return personFacts(p, Number(todayOf(this.d.clock).slice(0, 4)));
  }

  /** Stores validated rows on a case (idempotent by row key), detects matches, notifies consulates. */
  async registerRows(tx: Tx, viewer: Viewer, c: CaseRow, rows: PersonRow[], at: Date) {
    const p = this.d.personal;
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const keyed: Array<PersonRow & { rowKey: string }> = [];
    for (const r of rows) {
      const rowKey = r.person.rowKey ?? derivedRowKey(p, r.person);
      const first = seen.get(rowKey);
      if (first !== undefined) {
        errors.push({ row: r.row, field: 'rowKey', message: `same person (row key) as row ${first}` });
        continue;
      }
      seen.set(rowKey, r.row);
      keyed.push({ ...r, rowKey });
    }
    const existingKeys = await this.repo.existingRowKeys(
      tx,
      c.id,
      keyed.map((r) => r.rowKey),
    );
    const fresh = keyed.filter((r) => !existingKeys.has(r.rowKey));
    const inserts: PersonInsert[] = fresh.map((r) => ({
      case_id: c.id,
      row_key: r.rowKey,
      nationality: r.person.nationality,
      minor: r.minor,
      key_id: p.keyId,
      name_enc: p.enc(r.person.name) as string,
      aliases_enc: p.encList(r.person.aliases),
      dob_enc: p.enc(r.person.dateOfBirth),
      age_enc: r.person.age === undefined ? null : p.enc(String(r.person.age)),
      gender_enc: p.enc(r.person.gender),
      languages_enc: p.encList(r.person.languages),
      contacts_enc: p.encList(r.person.contacts),
      description_enc: p.enc(r.person.description),
      created_at: at,
    }));
    const stored = await this.repo.insertPersons(tx, inserts);
    const idByKey = new Map(stored.map((s) => [s.row_key, s.id]));
    const created = fresh.flatMap((r) => {
      const pid = idByKey.get(r.rowKey);
      return pid ? [{ ...r, id: pid }] : [];
    });
    // Blind blocking keys, qualified by nationality and decade of birth (blocking.ts): candidates
    // must share a name key, a nationality and a possible decade. One lookup for the whole upload.
    const keysOf = new Map<string, string[]>();
    const keyRows: Array<{ key: string; person_id: string }> = [];
    const probeKeys = new Set<string>();
    const blinded = new Map<string, string>();
    const blind = (k: string) => {
      let b = blinded.get(k);
      if (b === undefined) {
        b = p.blind(k);
        blinded.set(k, b);
      }
      return b;
    };
    const maxYear = at.getUTCFullYear();
    for (const r of created) {
      const ks = rescueBlockingKeys(this.facts(r.person), r.person.nationality, maxYear);
      for (const k of ks.stored) keyRows.push({ key: blind(k), person_id: r.id });
      const probe = ks.probe.map(blind);
      keysOf.set(r.id, probe);
      for (const k of probe) probeKeys.add(k);
    }
    const pairs = await this.repo.candidateKeys(tx, [...probeKeys], c.id);
    await this.repo.insertKeys(tx, keyRows);
    const people = new Map(
      (await this.repo.candidatePersons(tx, [...new Set(pairs.map((x) => x.person_id))])).map((x) => [x.person_id, x]),
    );
    type Candidate = NonNullable<ReturnType<typeof people.get>>;
    const byKey = new Map<string, Candidate[]>();
    for (const pair of pairs) {
      const cand = people.get(pair.person_id);
      if (!cand) continue;
      const list = byKey.get(pair.key) ?? [];
      list.push(cand);
      byKey.set(pair.key, list);
    }
    const factsCache = new Map<string, PersonFacts>();
    const candFacts = (cand: Candidate) => {
      let f = factsCache.get(cand.person_id);
      if (!f) {
        f = this.facts({
          name: p.dec(cand.name_enc) ?? '',
          aliases: p.decList(cand.aliases_enc),
          dateOfBirth: p.dec(cand.dob_enc),
          nationality: cand.nationality,
          gender: p.dec(cand.gender_enc),
        });
        factsCache.set(cand.person_id, f);
      }
      return f;
    };
    const matches: BulkRegistration['matches'] = [];
    const matchRows: Array<{
      person_id: string;
      matched_person_id: string;
      score: number;
      verdict: string;
      created_at: Date;
    }> = [];
    // The best three candidates per person at least 'possible': enough for a check by a person,
    // without burying the team under namesakes.
    for (const r of created) {
      const seenCand = new Set<string>();
      const mine = this.facts(r.person);
      const found: Array<{ cand: Candidate; score: number; verdict: string }> = [];
      for (const k of keysOf.get(r.id) ?? []) {
        for (const cand of byKey.get(k) ?? []) {
          if (seenCand.has(cand.person_id)) continue;
          seenCand.add(cand.person_id);
          const theirs = candFacts(cand);
          if (ruledOutByBirth(mine, theirs)) continue;
          const m = matchPersons(mine, theirs);
          if (m.verdict === 'strong' || m.verdict === 'possible')
            found.push({ cand, score: m.score, verdict: m.verdict });
        }
      }
      found.sort((x, y) => y.score - x.score);
      for (const { cand, score, verdict } of found.slice(0, MATCHES_PER_PERSON)) {
        matchRows.push({ person_id: r.id, matched_person_id: cand.person_id, score, verdict, created_at: at });
        matches.push({
          row: r.row,
          personId: r.id,
          match: {
            caseId: cand.case_id,
            caseRef: cand.ref,
            holderAgencyId: cand.lead_agency_id,
            score: Math.round(score * 100) / 100,
            verdict,
          },
        });
      }
    }
    await this.repo.insertMatches(tx, matchRows);
    // Group by nationality; each nationality's consulates and home NCB join the team and are told (counts only).
    const byNationality: Record<string, number> = {};
    for (const r of created) byNationality[r.person.nationality] = (byNationality[r.person.nationality] ?? 0) + 1;
    const nats = Object.keys(byNationality).sort();
    const home = await this.repo.agenciesOf(tx, ['consulate', 'ncb'], nats);
    const members = home
      .filter((h) => !(h.kind === 'ncb' && h.country === c.host_country))
      .map((h) => ({ agencyId: h.id, party: h.kind === 'consulate' ? 'consulate' : 'home-police' }));
    await this.repo.addTeam(tx, c.id, members, at);
    let consulatesNotified = 0;
    // All notices in one multi-row outbox insert (same order): a raid can match thousands of open cases.
    const notices: Parameters<typeof emitMany>[1] = [];
    for (const h of home) {
      if (h.kind === 'ncb' && h.country === c.host_country) continue;
      if (h.kind === 'consulate') consulatesNotified++;
      notices.push({
        topic: 'rescue.nationals.registered',
        data: {
          caseId: c.id,
          ref: c.ref,
          nationality: h.country,
          count: byNationality[h.country] ?? 0,
          title: `${byNationality[h.country] ?? 0} of your nationals registered on rescue case ${c.ref}`,
        },
        audience: { kind: 'agencies', agencyIds: [h.id] },
        occurredAt: at,
      });
    }
    // The holders of matched missing-person cases learn that someone may have been found (no names).
    const byHolderCase = new Map<string, { ref: string; holder: string; n: number }>();
    for (const m of matches) {
      const e = byHolderCase.get(m.match.caseId) ?? { ref: m.match.caseRef, holder: m.match.holderAgencyId, n: 0 };
      e.n++;
      byHolderCase.set(m.match.caseId, e);
    }
    for (const [caseId, e] of byHolderCase)
      notices.push({
        topic: 'rescue.match.found',
        data: {
          caseId,
          ref: e.ref,
          foundOn: c.ref,
          count: e.n,
          title: `Person(s) of ${e.ref} may be among those registered on ${c.ref}`,
        },
        audience: { kind: 'agencies', agencyIds: [e.holder, c.lead_agency_id] },
        occurredAt: at,
      });
    await emitMany(tx, notices);
    void viewer;
    return {
      created,
      existing: keyed.length - fresh.length + (fresh.length - created.length),
      errors,
      matches,
      byNationality,
      consulatesNotified,
    };
  }
}
