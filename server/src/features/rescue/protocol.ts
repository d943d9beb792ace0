/**
 * The rescue protocol as an explicit state machine: the stages, the transitions between them,
 * what each transition requires, which parties and roles may take it, and the deadline each stage
 * runs under per risk level. Pure: no I/O, no clock; the service feeds it facts.
 */
import { RESCUE_EXITS, RESCUE_PARTIES, RESCUE_STAGES, RISK_LEVELS, type Role } from '@cordon/contracts';

export const STAGES = RESCUE_STAGES;
export const EXITS = RESCUE_EXITS;
export type MainStage = (typeof STAGES)[number];
export type ExitStage = (typeof EXITS)[number];
export type Stage = MainStage | ExitStage;
export const ALL_STAGES: readonly Stage[] = [...STAGES, ...EXITS];
export { RISK_LEVELS };
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** The parties of a case team. */
export const PARTIES = RESCUE_PARTIES;
export type Party = (typeof PARTIES)[number];

export function isTerminal(stage: Stage): boolean {
  return stage === 'closed' || (EXITS as readonly string[]).includes(stage);
}

/** Who may take a transition: one of the parties, holding one of the roles. */
export interface Actors {
  parties: readonly Party[];
  roles: readonly Role[];
}

const POLICE_WORK: Role[] = ['investigator', 'supervisor'];
const CASE_WORK: Role[] = ['case-worker', 'supervisor', 'investigator'];

/** The main line: each stage's next stage and who takes that step. */
const FORWARD: Record<Exclude<MainStage, 'closed'>, { to: MainStage; actors: Actors }> = {
  reported: { to: 'triaged', actors: { parties: ['host-police', 'home-police', 'hub'], roles: POLICE_WORK } },
  triaged: { to: 'verified', actors: { parties: ['host-police', 'home-police', 'consulate'], roles: CASE_WORK } },
  verified: { to: 'located', actors: { parties: ['host-police', 'home-police'], roles: POLICE_WORK } },
  located: { to: 'rescue-planned', actors: { parties: ['host-police'], roles: ['supervisor'] } },
  'rescue-planned': { to: 'rescued', actors: { parties: ['host-police'], roles: POLICE_WORK } },
  rescued: { to: 'screened', actors: { parties: ['host-police', 'ngo-shelter'], roles: CASE_WORK } },
  screened: { to: 'sheltered', actors: { parties: ['ngo-shelter', 'host-police'], roles: CASE_WORK } },
  sheltered: { to: 'repatriation-arranged', actors: { parties: ['consulate'], roles: CASE_WORK } },
  'repatriation-arranged': { to: 'repatriated', actors: { parties: ['consulate', 'host-police'], roles: CASE_WORK } },
  repatriated: { to: 'follow-up', actors: { parties: ['home-police', 'ngo-shelter', 'consulate'], roles: CASE_WORK } },
  'follow-up': {
    to: 'closed',
    actors: { parties: ['home-police', 'host-police', 'consulate'], roles: ['supervisor'] },
  },
};

/** Exits and the stages they may be taken from. */
const EXIT_FROM: Record<ExitStage, readonly MainStage[]> = {
  unfounded: ['reported', 'triaged', 'verified'],
  duplicate: ['reported', 'triaged', 'verified', 'located'],
  'found-safe': ['reported', 'triaged', 'verified', 'located', 'rescue-planned'],
  deceased: STAGES.filter((s) => s !== 'closed'),
  'declined-assistance': ['rescued', 'screened', 'sheltered', 'repatriation-arranged'],
};
const EXIT_ACTORS: Actors = { parties: ['host-police', 'home-police', 'consulate'], roles: ['supervisor'] };

export interface Transition {
  from: Stage;
  to: Stage;
  actors: Actors;
}

/** Every legal transition of the protocol. */
export const TRANSITIONS: readonly Transition[] = [
  ...Object.entries(FORWARD).map(([from, t]) => ({ from: from as Stage, to: t.to, actors: t.actors })),
  ...Object.entries(EXIT_FROM).flatMap(([to, froms]) =>
    froms.map((from) => ({ from, to: to as Stage, actors: EXIT_ACTORS })),
  ),
];

export function transitionsFrom(stage: Stage): Transition[] {
  return TRANSITIONS.filter((t) => t.from === stage);
}

/** What a transition's request may carry (the API body of a transition). */
export interface TransitionInput {
  note?: string;
  riskLevel?: RiskLevel;
  verificationSource?: string;
  location?: { scamCentreId?: string; lat?: number; lon?: number; area?: string; confidence?: number };
  plannedFor?: string;
  rescuedAt?: string;
  shelterAgencyId?: string;
  travelDocumentsReady?: boolean;
  plannedTravelDate?: string;
  travelDate?: string;
  receivingAgencyId?: string;
  reason?: string;
  duplicateOfCaseId?: string;
}

/** What the service knows about the case when a transition is asked for. */
export interface CaseFacts {
  /** a location with a confidence is on the case */
  hasLocation: boolean;
  persons: number;
  /** persons with a screening determination */
  screened: number;
  /** team agencies by party */
  team: ReadonlyArray<{ agencyId: string; party: Party }>;
  /** today, 'YYYY-MM-DD', for date checks */
  today: string;
}

export interface Requirement {
  field: string;
  message: string;
}

/** One sentence per step: what it requires (shown in the console and the API). */
export const REQUIRES: Partial<Record<Stage, string>> = {
  triaged: 'a risk level (confirmed or changed)',
  verified: 'the source that verified the report',
  located: 'a location (scam centre, point or area) with a confidence',
  'rescue-planned': 'the planned date',
  rescued: 'the date of the rescue (not in the future)',
  screened: 'a screening determination for every person',
  sheltered: 'the shelter (an NGO/shelter agency on the team)',
  'repatriation-arranged': 'travel documents ready and a planned travel date',
  repatriated: 'the travel date and the receiving agency',
  'follow-up': 'nothing more',
  closed: 'a closing note',
  unfounded: 'a reason',
  duplicate: 'the case it duplicates',
  'found-safe': 'a reason',
  deceased: 'a reason',
  'declined-assistance': 'a reason',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dateField(input: TransitionInput, field: keyof TransitionInput, out: Requirement[], o: { notAfter?: string }) {
  const v = input[field];
  if (typeof v !== 'string' || v === '') out.push({ field, message: 'is required' });
  else if (!isValidDate(v)) out.push({ field, message: `"${v}" is not a valid date (YYYY-MM-DD)` });
  else if (o.notAfter && v > o.notAfter) out.push({ field, message: `${v} is in the future` });
}

function text(input: TransitionInput, field: 'note' | 'reason' | 'verificationSource', out: Requirement[]) {
  if (!input[field]?.trim()) out.push({ field, message: 'is required' });
}

/** The data a transition to `to` is missing, as field errors (empty: the requirements are met). */
export function requirements(to: Stage, input: TransitionInput, facts: CaseFacts): Requirement[] {
  const out: Requirement[] = [];
  const onTeam = (id: string | undefined, party?: Party) =>
    facts.team.some((m) => m.agencyId === id && (!party || m.party === party));
  switch (to) {
    case 'triaged':
      if (!input.riskLevel) out.push({ field: 'riskLevel', message: 'is required' });
      break;
    case 'verified':
      text(input, 'verificationSource', out);
      break;
    case 'located': {
      const l = input.location;
      const where = l && (l.scamCentreId || (l.lat !== undefined && l.lon !== undefined) || l.area?.trim());
      if (!where && !facts.hasLocation)
        out.push({ field: 'location', message: 'a scam centre, a point or an area is required' });
      if (l && (l.lat === undefined) !== (l.lon === undefined))
        out.push({ field: 'location.lon', message: 'a point needs both lat and lon' });
      if (where && l?.confidence === undefined)
        out.push({ field: 'location.confidence', message: 'is required with a location' });
      break;
    }
    case 'rescue-planned':
      dateField(input, 'plannedFor', out, {});
      break;
    case 'rescued':
      dateField(input, 'rescuedAt', out, { notAfter: facts.today });
      break;
    case 'screened':
      if (facts.persons === 0) out.push({ field: 'persons', message: 'the case has no persons to screen' });
      else if (facts.screened < facts.persons)
        out.push({
          field: 'screening',
          message: `${facts.persons - facts.screened} of ${facts.persons} persons not screened`,
        });
      break;
    case 'sheltered':
      if (!input.shelterAgencyId) out.push({ field: 'shelterAgencyId', message: 'is required' });
      else if (!onTeam(input.shelterAgencyId, 'ngo-shelter'))
        out.push({ field: 'shelterAgencyId', message: 'must be an NGO/shelter on the case team' });
      break;
    case 'repatriation-arranged':
      if (input.travelDocumentsReady !== true)
        out.push({ field: 'travelDocumentsReady', message: 'travel documents must be ready' });
      dateField(input, 'plannedTravelDate', out, {});
      break;
    case 'repatriated':
      dateField(input, 'travelDate', out, { notAfter: facts.today });
      if (!input.receivingAgencyId) out.push({ field: 'receivingAgencyId', message: 'is required' });
      else if (!onTeam(input.receivingAgencyId))
        out.push({ field: 'receivingAgencyId', message: 'must be an agency on the case team' });
      break;
    case 'closed':
      text(input, 'note', out);
      break;
    case 'duplicate':
      if (!input.duplicateOfCaseId) out.push({ field: 'duplicateOfCaseId', message: 'is required' });
      break;
    case 'unfounded':
    case 'found-safe':
    case 'deceased':
    case 'declined-assistance':
      text(input, 'reason', out);
      break;
  }
  return out;
}

export interface Actor {
  roles: readonly Role[];
  /** the viewer's agency's parties on this case (empty: not on the team) */
  parties: readonly Party[];
}

export type Decision = { ok: true; transition: Transition } | { ok: false; status: 403 | 409; reason: string };

/** May this actor move a case from `from` to `to`? Says why not. */
export function decide(from: Stage, to: Stage, actor: Actor): Decision {
  if (isTerminal(from)) return { ok: false, status: 409, reason: `the case is ${from}: no further step` };
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) {
    const legal = transitionsFrom(from).map((x) => x.to);
    return { ok: false, status: 409, reason: `a case cannot go from ${from} to ${to} (next: ${legal.join(', ')})` };
  }
  if (!actor.parties.some((p) => t.actors.parties.includes(p)))
    return {
      ok: false,
      status: 403,
      reason: `${from} → ${to} is taken by ${t.actors.parties.join(' or ')}; your agency is ${actor.parties.length ? actor.parties.join(', ') : 'not on the case team'}`,
    };
  if (!actor.roles.some((r) => t.actors.roles.includes(r)))
    return { ok: false, status: 403, reason: `${from} → ${to} needs the role ${t.actors.roles.join(' or ')}` };
  return { ok: true, transition: t };
}

/** Hours allowed in a stage before the next step is due, per risk level. Missing: no deadline. */
export type DeadlineTable = Record<RiskLevel, Partial<Record<MainStage, number>>>;

const H = 1;
const D = 24;
/** The default protocol (configurable: AppDeps.rescueDeadlines). Critical: triage 1 h, verify 12 h, locate 48 h. */
export const DEFAULT_DEADLINES: DeadlineTable = {
  critical: {
    reported: 1 * H,
    triaged: 12 * H,
    verified: 48 * H,
    located: 24 * H,
    'rescue-planned': 72 * H,
    rescued: 48 * H,
    screened: 24 * H,
    sheltered: 14 * D,
    'repatriation-arranged': 14 * D,
    repatriated: 30 * D,
    'follow-up': 90 * D,
  },
  high: {
    reported: 4 * H,
    triaged: 24 * H,
    verified: 4 * D,
    located: 3 * D,
    'rescue-planned': 7 * D,
    rescued: 72 * H,
    screened: 48 * H,
    sheltered: 21 * D,
    'repatriation-arranged': 21 * D,
    repatriated: 30 * D,
    'follow-up': 90 * D,
  },
  medium: {
    reported: 24 * H,
    triaged: 3 * D,
    verified: 7 * D,
    located: 7 * D,
    'rescue-planned': 14 * D,
    rescued: 5 * D,
    screened: 72 * H,
    sheltered: 30 * D,
    'repatriation-arranged': 30 * D,
    repatriated: 60 * D,
    'follow-up': 180 * D,
  },
  low: {
    reported: 72 * H,
    triaged: 7 * D,
    verified: 14 * D,
    located: 14 * D,
    'rescue-planned': 30 * D,
    rescued: 7 * D,
    screened: 7 * D,
    sheltered: 45 * D,
    'repatriation-arranged': 45 * D,
    repatriated: 90 * D,
    'follow-up': 365 * D,
  },
};

/** When the step after `stage` is due, entered at `enteredAt`; null when the stage has no deadline. */
export function deadlineFor(table: DeadlineTable, risk: RiskLevel, stage: Stage, enteredAt: Date): Date | null {
  if (isTerminal(stage)) return null;
  const hours = table[risk][stage as MainStage];
  return hours === undefined ? null : new Date(enteredAt.getTime() + hours * 3600_000);
}

/** Checks a configured table: every hour count positive and finite. Returns the problems. */
export function checkDeadlineTable(table: DeadlineTable): string[] {
  const out: string[] = [];
  for (const r of RISK_LEVELS) {
    if (!table[r]) out.push(`risk level ${r} is missing`);
    for (const [s, h] of Object.entries(table[r] ?? {})) {
      if (!(STAGES as readonly string[]).includes(s)) out.push(`${r}.${s}: not a stage`);
      if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) out.push(`${r}.${s}: hours must be positive`);
    }
  }
  return out;
}

/** Risk level suggested by the risk factors (the triage step confirms or changes it). */
export function suggestedRisk(f: {
  immediateDanger?: boolean;
  medicalNeed?: boolean;
  minor?: boolean;
  violence?: boolean;
  confiscatedDocuments?: boolean;
}): RiskLevel {
  if (f.immediateDanger || (f.minor && f.violence)) return 'critical';
  if (f.violence || f.medicalNeed || f.minor) return 'high';
  if (f.confiscatedDocuments) return 'medium';
  return 'low';
}

/** Which party an agency is on a case, from its kind and country relative to the case. */
export function partyOf(
  agency: { kind: string; country: string },
  kase: { hostCountry: string; nationalities: readonly string[] },
): Party | null {
  switch (agency.kind) {
    case 'hub':
      return 'hub';
    case 'consulate':
      return 'consulate';
    case 'ngo':
      return 'ngo-shelter';
    case 'police':
    case 'ncb':
    case 'prosecutor':
      if (agency.country === kase.hostCountry) return 'host-police';
      return 'home-police';
    default:
      return null;
  }
}

/** The input fields each step asks for (the console builds its form from these). */
export const STEP_FIELDS: Record<Stage, Array<keyof TransitionInput>> = {
  reported: [],
  triaged: ['riskLevel', 'note'],
  verified: ['verificationSource', 'note'],
  located: ['location', 'note'],
  'rescue-planned': ['plannedFor', 'note'],
  rescued: ['rescuedAt', 'note'],
  screened: ['note'],
  sheltered: ['shelterAgencyId', 'note'],
  'repatriation-arranged': ['travelDocumentsReady', 'plannedTravelDate', 'note'],
  repatriated: ['travelDate', 'receivingAgencyId', 'note'],
  'follow-up': ['note'],
  closed: ['note'],
  unfounded: ['reason'],
  duplicate: ['duplicateOfCaseId', 'reason'],
  'found-safe': ['reason'],
  deceased: ['reason'],
  'declined-assistance': ['reason'],
};

/** A configured table (hours per risk level and stage) laid over the defaults; checked on start. */
export function mergeDeadlines(over: Record<string, Record<string, number>>): DeadlineTable {
  const out = structuredClone(DEFAULT_DEADLINES) as DeadlineTable;
  for (const [risk, stages] of Object.entries(over)) {
    if (!(RISK_LEVELS as readonly string[]).includes(risk))
      throw new Error(`rescue deadlines: ${risk} is not a risk level`);
    Object.assign(out[risk as RiskLevel], stages);
  }
  const problems = checkDeadlineTable(out);
  if (problems.length > 0) throw new Error(`rescue deadlines: ${problems.join('; ')}`);
  return out;
}
