import { type Entity, type HitReason, hitReason, type LookupRequest, type LookupResult } from '@cordon/contracts';
import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { agencyInfos } from './agencies-lookup.ts';
import { agencySees, factsOf } from './matching.ts';
import { blockingKeys, matchPersons, normaliseName } from './names/index.ts';
import { type EntityRow, gradeOf, toEntity } from './reports.repository.ts';
import { auditRead, type IntelDeps, reader } from './reports.service.ts';
import { SelectorIndex } from './selector-index.ts';
import { normaliseSelector, SELECTOR_KINDS, type SelectorKind, selectorKey } from './selectors/index.ts';

export interface SearchResult {
  /** The query read as selectors (every kind it is valid as). */
  selectors: Array<{ kind: SelectorKind; key: string; display: string }>;
  /** Entities the viewer may read. */
  /** `why` in English; `whyCode` the same as a reason code with parameters, for the console. */
  entities: Array<Entity & { score: number; why: string; whyCode: HitReason }>;
  /** Records the viewer may not read: that they exist, who holds them, their grade. */
  holders: Array<{ key: string; agencyId: string; agencyName: string; country: string; grade: string }>;
  moTags: Array<{ code: string; label: string }>;
}

// Kinds worth guessing from free text; the others need context the box does not have.
const GUESS: SelectorKind[] = SELECTOR_KINDS.filter(
  (k) => !['passport', 'national-id', 'company-registration', 'bank-account', 'handle'].includes(k),
);

/** One search box, and the machine hit/no-hit lookup. Results respect markings. */
export class SearchService {
  constructor(private readonly d: IntelDeps) {}

  async search(viewer: Viewer, q: string, limit = 25): Promise<SearchResult> {
    const db = this.d.database.db;
    const text = q.trim();
    const selectors = GUESS.map((kind) => normaliseSelector({ kind, value: text, country: viewer.country }))
      .filter((r) => r.ok)
      .map((r) => ({ kind: r.selector.kind, key: r.selector.key, display: r.selector.display }));
    const keys = [...new Set(selectors.map((s) => s.key))];
    const nameKey = normaliseName(text).key;
    const blocking = blockingKeys({ names: [text] });
    const rows = await db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .selectAll('e')
      .select([
        'r.tlp',
        'r.audience_kind',
        'r.audience_regions',
        'r.audience_agencies',
        'r.disclosed_to',
        'r.reliability',
        'r.credibility',
        'r.title',
        'r.pap',
      ])
      .where((eb) => {
        const ors = [];
        if (keys.length > 0) ors.push(eb('e.key', 'in', keys));
        if (nameKey) ors.push(eb(sql<boolean>`e.name_keys && ${[nameKey]}::text[]`, '=', true));
        if (blocking.length > 0) ors.push(eb(sql<boolean>`e.blocking_keys && ${blocking}::text[]`, '=', true));
        if (text.length >= 3) ors.push(eb('e.label', 'ilike', `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
        return ors.length > 0 ? eb.or(ors) : eb.val(false);
      })
      .limit(500)
      .execute();
    const infos = await agencyInfos(db, [viewer.agencyId, ...rows.map((r) => r.owner_agency_id)]);
    const me = infos.get(viewer.agencyId);
    const entities: SearchResult['entities'] = [];
    const holders = new Map<string, SearchResult['holders'][number]>();
    for (const r of rows) {
      const visible = me ? agencySees(me, r as never) : false;
      let score = 0.5;
      let why = hitReason({ code: 'search-name-contains', params: { text } });
      if (r.key && keys.includes(r.key)) {
        [score, why] = [
          1,
          hitReason({ code: 'search-same-selector', params: { selectorKind: r.selector_kind ?? '' } }),
        ];
      } else if (r.kind === 'person') {
        const m = matchPersons({ names: [text] }, factsOf(r as EntityRow));
        if (m.verdict === 'no-match' && !r.label.toLowerCase().includes(text.toLowerCase())) continue;
        // The first reason (not conflict) of the name match, as before.
        const first = m.reasons.length > 0 ? m.codes[0] : undefined;
        [score, why] = [Math.max(m.score, 0.5), first ? hitReason(first) : why];
      } else if (nameKey && r.name_keys.includes(nameKey)) {
        [score, why] = [0.95, hitReason({ code: 'search-same-name', params: {} })];
      }
      if (visible) entities.push({ ...toEntity(r as EntityRow), score, why: why.text, whyCode: why });
      else if (r.key && keys.includes(r.key)) {
        const a = infos.get(r.owner_agency_id);
        if (a)
          holders.set(`${r.key}|${a.id}`, {
            key: r.key,
            agencyId: a.id,
            agencyName: a.name,
            country: a.country,
            grade: gradeOf(r),
          });
      }
    }
    entities.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
    const moTags = await db
      .selectFrom('mo_tags')
      .select(['code', 'label'])
      // The English label, the code, or a translated label (a French or Spanish user types theirs).
      .where((eb) =>
        eb.or([
          eb('label', 'ilike', `%${text}%`),
          eb('code', 'ilike', `%${text}%`),
          eb(sql<string>`labels->>'fr'`, 'ilike', `%${text}%`),
          eb(sql<string>`labels->>'es'`, 'ilike', `%${text}%`),
        ]),
      )
      .limit(10)
      .execute();
    const result = { selectors, entities: entities.slice(0, limit), holders: [...holders.values()], moTags };
    await auditRead(this.d, viewer, {
      action: 'intel.search',
      objectType: 'search',
      objectId: null,
      details: { q: text, entities: result.entities.length, holders: result.holders.length },
    });
    return result;
  }

  /**
   * Hit / no-hit for a batch of selectors: who holds each, and whether the caller may read it.
   * Answered from this node's selector index (no database read); the markings check runs for every
   * holding, and the answer goes out only once its audit record has committed.
   */
  async lookup(viewer: Viewer, req: LookupRequest): Promise<LookupResult[]> {
    const index = this.d.index as SelectorIndex;
    await index.ready();
    const who = reader(viewer);
    // The key alone: a hit/no-hit answer needs no display or details.
    const norm = req.selectors.map((s) =>
      selectorKey({ ...s, country: s.country ?? viewer.country } as Parameters<typeof selectorKey>[0]),
    );
    const found = norm.map((n) => (n.ok ? index.holders(n.key) : []));
    const infos = await agencyInfos(
      this.d.database.db,
      found.flatMap((hs) => hs.map((h) => h.ownerAgencyId)),
    );
    const results = norm.map((n, index): LookupResult => {
      if (!n.ok) return { index, ok: false, reason: n.reason, hit: false, holders: [] };
      const holders = new Map<string, LookupResult['holders'][number]>();
      for (const h of found[index] ?? []) {
        const a = infos.get(h.ownerAgencyId);
        const prev = holders.get(h.ownerAgencyId);
        if (!a || (prev?.visible ?? false)) continue;
        const visible = SelectorIndex.visible(who, h);
        if (!prev || visible)
          holders.set(h.ownerAgencyId, {
            agencyId: a.id,
            agencyName: a.name,
            country: a.country,
            grade: h.grade,
            visible,
          });
      }
      return { index, ok: true, key: n.key, hit: holders.size > 0, holders: [...holders.values()] };
    });
    await auditRead(this.d, viewer, {
      action: 'intel.lookup',
      objectType: 'lookup',
      objectId: null,
      details: { selectors: results.length, hits: results.filter((r) => r.hit).length },
    });
    return results;
  }
}
