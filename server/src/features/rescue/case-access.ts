import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { EventAudience, Notifier } from '../../platform/events/types.ts';
import { AppError, type FieldError, NotFoundError } from '../../platform/http/errors.ts';
import type { NoticesFeature } from '../notices/index.ts';
import type { PersonalData } from './personal-data.ts';
import type { DeadlineTable, Party } from './protocol.ts';
import type { CaseRow, RescueRepository } from './rescue.repository.ts';

export interface ScamCentreRef {
  id: string;
  label: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** Everything the rescue services may need; each service takes only the part it uses. */
export interface RescueDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  events: Notifier;
  personal: PersonalData;
  deadlines: DeadlineTable;
  /** A scam centre of the intelligence feature, if it exists and the viewer may see it. */
  scamCentre: (viewer: Viewer, id: string) => Promise<ScamCentreRef | null>;
  /** The notices feature, where it exists: a case person becomes a draft Yellow Notice. */
  notices?: Pick<NoticesFeature['notices'], 'create'>;
}

type Scope = 'all' | 'nationality' | 'none';
export interface Access {
  parties: Party[];
  hub: boolean;
  scope: Scope;
  reporter: boolean;
}

export const CASE_WORK = ['case-worker', 'investigator', 'supervisor'] as const;
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new AppError(422, 'unprocessable', 'Step requirements not met', detail, errors);
export const iso = (d: Date) => d.toISOString();
export const todayOf = (clock: Clock): string => clock.now().toISOString().slice(0, 10);

export function teamAudience(team: Array<{ agency_id: string }>): EventAudience {
  return { kind: 'agencies', agencyIds: [...new Set(team.map((m) => m.agency_id))] };
}

/** Tells the case team, live, that the case changed (the console reloads what it shows). */
export function emitCaseUpdated(
  tx: Tx,
  team: Array<{ agency_id: string }>,
  data: { caseId: string; ref: string } & Record<string, unknown>,
  occurredAt: Date,
): Promise<string> {
  return emit(tx, { topic: 'rescue.case.updated', data, audience: teamAudience(team), occurredAt });
}

export function rolesOf(viewer: Viewer) {
  // A machine client acts with its scopes: rescue:write counts as case work.
  if (viewer.kind === 'token') return viewer.scopes?.includes('rescue:write') ? [...CASE_WORK] : [];
  return [...viewer.roles];
}

/** The viewer has a case work role (or a machine client rescue:write). */
export function doesCaseWork(viewer: Viewer): boolean {
  return rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r));
}

export function hasLocation(c: CaseRow) {
  return Boolean((c.scam_centre_id || c.lat !== null || c.location_area) && c.location_confidence !== null);
}

/** Who the viewer is on a case: its parties on the team, the hub, and which persons it may see. */
export class CaseAccess {
  constructor(private readonly repo: RescueRepository) {}

  async of(db: Executor, viewer: Viewer, caseId: string): Promise<Access> {
    const [agency, team] = await Promise.all([this.repo.agency(db, viewer.agencyId), this.repo.team(db, caseId)]);
    const parties = team.filter((m) => m.agency_id === viewer.agencyId).map((m) => m.party as Party);
    const hub = agency?.kind === 'hub';
    const scope: Scope =
      parties.includes('host-police') || parties.includes('ngo-shelter')
        ? 'all'
        : parties.includes('consulate') || parties.includes('home-police')
          ? 'nationality'
          : 'none';
    return { parties, hub, scope, reporter: parties.includes('host-police') || parties.includes('home-police') };
  }

  /** The case, if the viewer is on its team or is the hub; otherwise NotFound (no existence leak). */
  async visibleCase(db: Executor, viewer: Viewer, id: string, lock = false) {
    const c = await this.repo.caseById(db, id, lock);
    if (!c) throw new NotFoundError('rescue case');
    const a = await this.of(db, viewer, id);
    if (a.parties.length === 0 && !a.hub) throw new NotFoundError('rescue case');
    return { c, a };
  }
}
