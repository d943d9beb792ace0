import { ROLES, type Role } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import {
  ALL_STAGES,
  type CaseFacts,
  checkDeadlineTable,
  DEFAULT_DEADLINES,
  deadlineFor,
  decide,
  PARTIES,
  partyOf,
  requirements,
  type Stage,
  suggestedRisk,
  TRANSITIONS,
} from './protocol.ts';
import { determine } from './screening.ts';

/** The protocol as the issue states it, written out by hand so a change to protocol.ts shows here. */
const MAIN = [
  'reported',
  'triaged',
  'verified',
  'located',
  'rescue-planned',
  'rescued',
  'screened',
  'sheltered',
  'repatriation-arranged',
  'repatriated',
  'follow-up',
  'closed',
];
const LEGAL = new Set<string>([
  ...MAIN.slice(0, -1).map((s, i) => `${s}>${MAIN[i + 1]}`),
  ...['reported', 'triaged', 'verified'].map((s) => `${s}>unfounded`),
  ...['reported', 'triaged', 'verified', 'located'].map((s) => `${s}>duplicate`),
  ...['reported', 'triaged', 'verified', 'located', 'rescue-planned'].map((s) => `${s}>found-safe`),
  ...MAIN.slice(0, -1).map((s) => `${s}>deceased`),
  ...['rescued', 'screened', 'sheltered', 'repatriation-arranged'].map((s) => `${s}>declined-assistance`),
]);

const everyone = { roles: ROLES, parties: PARTIES };

describe('rescue protocol state machine', () => {
  it('has exactly the legal transitions of the issue', () => {
    expect(new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`))).toEqual(LEGAL);
  });

  describe.each(ALL_STAGES)('from %s', (from) => {
    it.each(ALL_STAGES)(`to %s is allowed only when legal, refused with a reason otherwise`, (to) => {
      const d = decide(from, to, everyone);
      if (LEGAL.has(`${from}>${to}`)) {
        expect(d.ok).toBe(true);
      } else {
        expect(d).toMatchObject({ ok: false, status: 409 });
        if (!d.ok)
          expect(d.reason).toMatch(from === 'closed' || !MAIN.includes(from) ? /no further step/ : /cannot go/);
      }
    });
  });

  it.each(TRANSITIONS.map((t) => [t.from, t.to, t] as const))(
    '%s → %s refuses other parties and roles',
    (from, to, t) => {
      const otherParties = PARTIES.filter((p) => !t.actors.parties.includes(p));
      const otherRoles = ROLES.filter((r) => !t.actors.roles.includes(r));
      for (const p of otherParties) {
        const d = decide(from, to, { roles: ROLES, parties: [p] });
        expect(d).toMatchObject({ ok: false, status: 403 });
      }
      expect(decide(from, to, { roles: ROLES, parties: [] })).toMatchObject({ ok: false, status: 403 });
      for (const r of otherRoles) {
        const d = decide(from, to, { roles: [r as Role], parties: t.actors.parties });
        expect(d).toMatchObject({ ok: false, status: 403 });
        if (!d.ok) expect(d.reason).toMatch(/needs the role/);
      }
      const ok = decide(from, to, { roles: [t.actors.roles[0] as Role], parties: [t.actors.parties[0] ?? 'hub'] });
      expect(ok.ok).toBe(true);
    },
  );

  it('lets only supervisors plan a rescue, and only the host police', () => {
    expect(decide('located', 'rescue-planned', { roles: ['investigator'], parties: ['host-police'] }).ok).toBe(false);
    expect(decide('located', 'rescue-planned', { roles: ['supervisor'], parties: ['consulate'] }).ok).toBe(false);
    expect(decide('located', 'rescue-planned', { roles: ['supervisor'], parties: ['host-police'] }).ok).toBe(true);
  });
});

describe('step requirements', () => {
  const facts: CaseFacts = {
    hasLocation: false,
    persons: 2,
    screened: 1,
    team: [
      { agencyId: 'ngo', party: 'ngo-shelter' },
      { agencyId: 'cons', party: 'consulate' },
    ],
    today: '2026-06-01',
  };
  const fields = (to: Stage, input: object, f: Partial<CaseFacts> = {}) =>
    requirements(to, input, { ...facts, ...f }).map((r) => r.field);

  it('names the missing field of every step', () => {
    expect(fields('triaged', {})).toEqual(['riskLevel']);
    expect(fields('triaged', { riskLevel: 'high' })).toEqual([]);
    expect(fields('verified', { verificationSource: '  ' })).toEqual(['verificationSource']);
    expect(fields('located', {})).toEqual(['location']);
    expect(fields('located', { location: { area: 'Shwe Kokko' } })).toEqual(['location.confidence']);
    expect(fields('located', { location: { lat: 16.7 } })).toEqual(['location', 'location.lon']);
    expect(fields('located', { location: { lat: 16.7, lon: 98.5, confidence: 0.7 } })).toEqual([]);
    expect(fields('located', {}, { hasLocation: true })).toEqual([]);
    expect(fields('rescue-planned', { plannedFor: '2026-02-30' })).toEqual(['plannedFor']);
    expect(fields('rescued', { rescuedAt: '2026-06-02' })).toEqual(['rescuedAt']);
    expect(fields('rescued', { rescuedAt: '2026-06-01' })).toEqual([]);
    expect(fields('screened', {})).toEqual(['screening']);
    expect(fields('screened', {}, { screened: 2 })).toEqual([]);
    expect(fields('screened', {}, { persons: 0, screened: 0 })).toEqual(['persons']);
    expect(fields('sheltered', { shelterAgencyId: 'cons' })).toEqual(['shelterAgencyId']);
    expect(fields('sheltered', { shelterAgencyId: 'ngo' })).toEqual([]);
    expect(fields('repatriation-arranged', { plannedTravelDate: '2026-07-01' })).toEqual(['travelDocumentsReady']);
    expect(fields('repatriated', { travelDate: '2026-05-30' })).toEqual(['receivingAgencyId']);
    expect(fields('repatriated', { travelDate: '2026-05-30', receivingAgencyId: 'elsewhere' })).toEqual([
      'receivingAgencyId',
    ]);
    expect(fields('repatriated', { travelDate: '2026-05-30', receivingAgencyId: 'cons' })).toEqual([]);
    expect(fields('follow-up', {})).toEqual([]);
    expect(fields('closed', {})).toEqual(['note']);
    expect(fields('duplicate', {})).toEqual(['duplicateOfCaseId']);
    for (const exit of ['unfounded', 'found-safe', 'deceased', 'declined-assistance'] as const)
      expect(fields(exit, {})).toEqual(['reason']);
  });
});

describe('deadlines', () => {
  const at = new Date('2026-06-01T08:00:00Z');
  it('uses the issue defaults for critical cases', () => {
    expect(deadlineFor(DEFAULT_DEADLINES, 'critical', 'reported', at)?.toISOString()).toBe('2026-06-01T09:00:00.000Z');
    expect(deadlineFor(DEFAULT_DEADLINES, 'critical', 'triaged', at)?.toISOString()).toBe('2026-06-01T20:00:00.000Z');
    expect(deadlineFor(DEFAULT_DEADLINES, 'critical', 'verified', at)?.toISOString()).toBe('2026-06-03T08:00:00.000Z');
    expect(deadlineFor(DEFAULT_DEADLINES, 'low', 'reported', at)?.toISOString()).toBe('2026-06-04T08:00:00.000Z');
    expect(deadlineFor(DEFAULT_DEADLINES, 'critical', 'closed', at)).toBeNull();
    expect(deadlineFor(DEFAULT_DEADLINES, 'critical', 'duplicate', at)).toBeNull();
  });
  it('is stricter the higher the risk, and the default table is valid', () => {
    expect(checkDeadlineTable(DEFAULT_DEADLINES)).toEqual([]);
    for (const s of MAIN.slice(0, -1) as Stage[]) {
      const h = (r: 'critical' | 'high' | 'medium' | 'low') => deadlineFor(DEFAULT_DEADLINES, r, s, at)?.getTime() ?? 0;
      expect(h('critical')).toBeLessThanOrEqual(h('high'));
      expect(h('high')).toBeLessThanOrEqual(h('medium'));
      expect(h('medium')).toBeLessThanOrEqual(h('low'));
    }
    expect(checkDeadlineTable({ ...DEFAULT_DEADLINES, low: { reported: -1 } })).toEqual([
      'low.reported: hours must be positive',
    ]);
  });
  it('suggests a risk from the risk factors', () => {
    expect(suggestedRisk({ immediateDanger: true })).toBe('critical');
    expect(suggestedRisk({ minor: true, violence: true })).toBe('critical');
    expect(suggestedRisk({ medicalNeed: true })).toBe('high');
    expect(suggestedRisk({ confiscatedDocuments: true })).toBe('medium');
    expect(suggestedRisk({})).toBe('low');
  });
  it('places agencies in parties relative to the case', () => {
    const k = { hostCountry: 'TH', nationalities: ['ID'] };
    expect(partyOf({ kind: 'police', country: 'TH' }, k)).toBe('host-police');
    expect(partyOf({ kind: 'ncb', country: 'ID' }, k)).toBe('home-police');
    expect(partyOf({ kind: 'consulate', country: 'ID' }, k)).toBe('consulate');
    expect(partyOf({ kind: 'ngo', country: 'TH' }, k)).toBe('ngo-shelter');
    expect(partyOf({ kind: 'fiu', country: 'TH' }, k)).toBeNull();
  });
});

describe('screening determination', () => {
  it('identifies, presumes or does not identify, with the non-punishment flag', () => {
    expect(determine(['confiscated-documents', 'debt-bondage'])).toMatchObject({
      determination: 'identified-victim',
      nonPunishment: true,
    });
    const forced = determine(['restricted-movement', 'forced-criminal-activity']);
    expect(forced).toMatchObject({ determination: 'identified-victim', nonPunishment: true });
    expect(forced.reasons.join(' ')).toMatch(/must not be prosecuted/);
    expect(determine(['excessive-overtime'])).toMatchObject({ determination: 'presumed-victim', nonPunishment: true });
    expect(determine([])).toMatchObject({ determination: 'not-identified', nonPunishment: false });
  });
});

describe('configured deadlines', () => {
  it('lays a configured table over the defaults and refuses a bad one', async () => {
    const { mergeDeadlines } = await import('./protocol.ts');
    const t = mergeDeadlines({ critical: { reported: 0.5 } });
    expect(t.critical.reported).toBe(0.5);
    expect(t.critical.triaged).toBe(12);
    expect(DEFAULT_DEADLINES.critical.reported).toBe(1);
    expect(() => mergeDeadlines({ urgent: { reported: 1 } })).toThrow(/not a risk level/);
    expect(() => mergeDeadlines({ low: { reported: 0 } })).toThrow(/positive/);
  });
});
