import type {
  Batch,
  BulkRegistration,
  NewBatch,
  NewRescueCase,
  NewScreening,
  RepatriationDashboard,
  RescueBoard,
  RescueCase,
  RescueCaseSummary,
  RescuePerson,
  RescueTransition,
} from '@cordon/contracts';
import { BATCH_STATUSES } from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Tx } from '../../platform/db/database.ts';
import { emit, emitMany } from '../../platform/events/outbox.ts';
import type { EventAudience, Notifier } from '../../platform/events/types.ts';
import {
  AppError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/http/errors.ts';
import { cancelJob, enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { matchPersons, normaliseName, type PersonFacts } from '../intel/names/index.ts';
import type { NoticesFeature } from '../notices/index.ts';
import { rescueBlockingKeys, ruledOutByBirth } from './blocking.ts';
import type { PersonalData } from './personal-data.ts';
import {
  type DeadlineTable,
  deadlineFor,
  decide,
  isTerminal,
  type Party,
  partyOf,
  REQUIRES,
  type RiskLevel,
  requirements,
  STEP_FIELDS,
  type Stage,
  suggestedRisk,
  transitionsFrom,
} from './protocol.ts';
import { type CaseRow, type PersonInsert, RescueRepository } from './rescue.repository.ts';
import { type PersonRow, parseCsv, type RowError, readPerson } from './rows.ts';
import { determine } from './screening.ts';

export const DEADLINE_JOB = 'rescue.deadline';
/** Candidates kept per registered person (best scores first). */
export const MATCHES_PER_PERSON = 3;

export interface ScamCentreRef {
  id: string;
  label: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

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

const NOTICE_SEX = { female: 'F', male: 'M', other: 'X' } as const;

type Scope = 'all' | 'nationality' | 'none';
interface Access {
  parties: Party[];
  hub: boolean;
  scope: Scope;
  reporter: boolean;
}

const CASE_WORK = ['case-worker', 'investigator', 'supervisor'] as const;
const unprocessable = (detail: string, errors?: FieldError[]) =>
  new AppError(422, 'unprocessable', 'Step requirements not met', detail, errors);
const iso = (d: Date) => d.toISOString();

/** The rescue protocol's cases: open, walk the protocol, team, screening, mass registration, batches. */
export class RescueService {
  readonly repo = new RescueRepository();
  constructor(private readonly d: RescueDeps) {}

  private today(): string {
    return this.d.clock.now().toISOString().slice(0, 10);
  }

  private async access(db: Executor, viewer: Viewer, caseId: string): Promise<Access> {
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

  private async visibleCase(db: Executor, viewer: Viewer, id: string, lock = false) {
    const c = await this.repo.caseById(db, id, lock);
    if (!c) throw new NotFoundError('rescue case');
    const a = await this.access(db, viewer, id);
    if (a.parties.length === 0 && !a.hub) throw new NotFoundError('rescue case');
    return { c, a };
  }

  private teamAudience(team: Array<{ agency_id: string }>): EventAudience {
    return { kind: 'agencies', agencyIds: [...new Set(team.map((m) => m.agency_id))] };
  }

  // ---------------------------------------------------------------- open

  async open(viewer: Viewer, input: NewRescueCase, opts: { requestId?: string; at?: Date } = {}): Promise<RescueCase> {
    const { database } = this.d;
    const today = this.today();
    const errors: FieldError[] = [];
    const rows: PersonRow[] = [];
    input.persons.forEach((p, i) => {
      const r = readPerson(p as Record<string, unknown>, i + 1, today, `persons.${i}.`);
      if ('errors' in r) errors.push(...r.errors.map(({ field, message }) => ({ field, message })));
      else rows.push(r.ok);
    });
    const loc = input.location;
    if (loc && (loc.lat === undefined) !== (loc.lon === undefined))
      errors.push({ field: 'location.lon', message: 'a point needs both lat and lon' });
    let centre: ScamCentreRef | null = null;
    if (loc?.scamCentreId) {
      centre = await this.d.scamCentre(viewer, loc.scamCentreId);
      if (!centre)
        errors.push({ field: 'location.scamCentreId', message: 'no such scam centre, or you may not see it' });
    }
    const agency = await this.repo.agency(database.db, viewer.agencyId);
    const nationalities = [...new Set(rows.map((r) => r.person.nationality))];
    const party = agency ? partyOf(agency, { hostCountry: input.hostCountry, nationalities }) : null;
    if (!party) throw new ForbiddenError('Only police, NCBs, consulates, NGOs and the hub open rescue cases.');
    if (input.supervisorUserId) {
      const sup = await this.repo.user(database.db, input.supervisorUserId);
      if (!sup || sup.disabled || sup.agency_id !== viewer.agencyId || !sup.roles.includes('supervisor'))
        errors.push({ field: 'supervisorUserId', message: 'must be an active supervisor of your agency' });
    }
    if (errors.length > 0) throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    const at = opts.at ?? this.d.clock.now();
    const factors = input.riskFactors ?? {};
    const risk: RiskLevel =
      input.riskLevel ?? suggestedRisk({ ...factors, minor: factors.minor || rows.some((r) => r.minor) });
    const id = await database.transaction(async (tx) => {
      const deadline = deadlineFor(this.d.deadlines, risk, 'reported', at);
      const { id } = await this.repo.insertCase(tx, {
        ref: await this.repo.nextRef(tx, at.getUTCFullYear()),
        kind: input.kind ?? (input.persons.length > 5 ? 'mass' : 'individual'),
        title: input.title?.trim() ?? '',
        host_country: input.hostCountry,
        lead_agency_id: viewer.agencyId,
        responsible_agency_id: viewer.agencyId,
        supervisor_user_id: input.supervisorUserId ?? null,
        created_by_user: viewer.userId,
        created_by_token: viewer.tokenId,
        stage: 'reported',
        risk_level: risk,
        risk_factors: factors,
        stage_entered_at: at,
        deadline_at: deadline,
        scam_centre_id: centre?.id ?? null,
        lat: loc?.lat ?? centre?.lat ?? null,
        lon: loc?.lon ?? centre?.lon ?? null,
        location_area: loc?.area?.trim() ?? '',
        location_confidence: loc?.confidence ?? null,
        location_description_enc: this.d.personal.enc(loc?.description),
        reporter_enc: this.d.personal.encJson(input.reporter),
        consent_to_contact: input.consentToContact,
        step_data: {},
        created_at: at,
        updated_at: at,
      });
      await this.repo.addTeam(tx, id, [{ agencyId: viewer.agencyId, party }], at);
      // Nobody may drop the case: the host country's NCB joins as host police.
      const hostNcbs = await this.repo.agenciesOf(tx, ['ncb'], [input.hostCountry]);
      await this.repo.addTeam(
        tx,
        id,
        hostNcbs.map((a) => ({ agencyId: a.id, party: 'host-police' })),
        at,
      );
      if (deadline) await this.armDeadline(tx, id, 1, deadline);
      const c = (await this.repo.caseById(tx, id)) as CaseRow;
      const reg = await this.registerRows(tx, viewer, c, rows, at);
      await this.repo.addTimeline(tx, {
        case_id: id,
        at,
        kind: 'opened',
        summary: `case opened (${risk} risk, ${rows.length} person${rows.length === 1 ? '' : 's'})`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        to_stage: 'reported',
        data: { riskLevel: risk, reporterChannel: input.reporter?.channel ?? null },
      });
      const team = await this.repo.team(tx, id);
      await emit(tx, {
        topic: 'rescue.case.opened',
        data: { caseId: id, riskLevel: risk, stage: 'reported', deadlineAt: deadline ? iso(deadline) : null },
        audience: this.teamAudience(team),
        occurredAt: at,
      });
      void reg;
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.case.open',
          objectType: 'rescue-case',
          objectId: id,
          details: { persons: rows.length, risk },
        },
      );
      return id;
    });
    this.d.events.notify();
    return this.get(viewer, id, { requestId: opts.requestId });
  }

  private async armDeadline(tx: Tx, caseId: string, stageSeq: number, at: Date) {
    await enqueue(tx, {
      kind: DEADLINE_JOB,
      runAt: at,
      payload: { caseId, stageSeq },
      dedupeKey: `rescue:deadline:${caseId}:${stageSeq}`,
    });
  }

  // ---------------------------------------------------------------- read

  async board(viewer: Viewer, o: { open?: boolean } = {}): Promise<RescueBoard> {
    const db = this.d.database.db;
    const agency = await this.repo.agency(db, viewer.agencyId);
    const rows = await this.repo.board(db, { agencyId: viewer.agencyId, all: agency?.kind === 'hub', open: o.open });
    await this.d.database.transaction((tx) =>
      this.d.audit(
        tx,
        { viewer },
        { action: 'rescue.board.read', objectType: 'rescue-case', details: { cases: rows.length } },
      ),
    );
    return {
      now: iso(this.d.clock.now()),
      cases: rows.map((r) =>
        this.summary(r as CaseRow & { persons: number; nationalities: string[]; breached: boolean; on_team: boolean }),
      ),
    };
  }

  private summary(
    r: CaseRow & { persons: number; nationalities: string[]; breached: boolean; on_team: boolean },
  ): RescueCaseSummary {
    return {
      id: r.id,
      ref: r.ref,
      title: r.title,
      kind: r.kind as 'individual' | 'mass',
      stage: r.stage as Stage,
      riskLevel: r.risk_level as RiskLevel,
      hostCountry: r.host_country,
      leadAgencyId: r.lead_agency_id,
      responsibleAgencyId: r.responsible_agency_id,
      stageEnteredAt: iso(r.stage_entered_at),
      deadlineAt: r.deadline_at ? iso(r.deadline_at) : null,
      breached: Boolean(r.breached),
      persons: Number(r.persons),
      nationalities: r.nationalities ?? [],
      onTeam: Boolean(r.on_team),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  }

  async get(viewer: Viewer, id: string, opts: { requestId?: string } = {}): Promise<RescueCase> {
    const db = this.d.database.db;
    const { c, a } = await this.visibleCase(db, viewer, id);
    const [row] = await this.repo.board(db, { agencyId: viewer.agencyId, all: true, caseIds: [id] });
    const team = await this.repo.team(db, id);
    const personRows =
      a.scope === 'none' ? [] : await this.repo.persons(db, id, a.scope === 'nationality' ? viewer.country : undefined);
    const persons = await this.toPersons(db, personRows);
    const counts = await this.repo.screeningCounts(db, id);
    const timeline = await this.repo.timeline(db, id);
    const centre = c.scam_centre_id ? await this.d.scamCentre(viewer, c.scam_centre_id) : null;
    const p = this.d.personal;
    const facts = {
      hasLocation: this.hasLocation(c),
      persons: counts.persons,
      screened: counts.screened,
      team: team.map((m) => ({ agencyId: m.agency_id, party: m.party as Party })),
      today: this.today(),
    };
    const nextSteps = transitionsFrom(c.stage as Stage).map((t) => {
      const dec = decide(c.stage as Stage, t.to, { roles: this.rolesOf(viewer), parties: a.parties });
      return {
        to: t.to,
        requires: REQUIRES[t.to] ?? '',
        allowed: dec.ok,
        reason: dec.ok ? null : dec.reason,
        fields: STEP_FIELDS[t.to] as string[],
      };
    });
    void facts;
    const showLocation = a.scope !== 'none';
    await this.d.database.transaction((tx) =>
      this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.case.read',
          objectType: 'rescue-case',
          objectId: id,
          details: { personsShown: persons.length, scope: a.scope, parties: a.parties, hub: a.hub },
        },
      ),
    );
    return {
      ...this.summary(
        row as CaseRow & { persons: number; nationalities: string[]; breached: boolean; on_team: boolean },
      ),
      location:
        c.scam_centre_id || c.lat !== null || c.location_area || c.location_description_enc
          ? {
              scamCentre: centre ? { id: centre.id, label: centre.label, country: centre.country } : null,
              lat: c.lat,
              lon: c.lon,
              area: c.location_area,
              description: showLocation ? (p.dec(c.location_description_enc) ?? '') : '',
              confidence: c.location_confidence,
            }
          : null,
      riskFactors: (c.risk_factors ?? {}) as RescueCase['riskFactors'],
      reporter: a.reporter ? p.decJson<NonNullable<RescueCase['reporter']>>(c.reporter_enc) : null,
      consentToContact: c.consent_to_contact,
      supervisorUserId: c.supervisor_user_id,
      myParties: a.parties,
      team: team.map((m) => ({
        agencyId: m.agency_id,
        agencyName: m.name,
        country: m.country,
        party: m.party as Party,
        addedAt: iso(m.added_at),
      })),
      visiblePersons: persons,
      nonPunishment: counts.nonPunishment,
      timeline: timeline.map((e) => ({
        id: String(e.id),
        at: iso(e.at),
        kind: e.kind,
        summary: e.note_enc && a.scope !== 'none' ? `${e.summary} — ${p.dec(e.note_enc) ?? ''}` : e.summary,
        actorAgencyId: e.actor_agency_id,
        fromStage: e.from_stage as Stage | null,
        toStage: e.to_stage as Stage | null,
        data: (e.data ?? {}) as Record<string, unknown>,
      })),
      nextSteps,
      stepData: (c.step_data ?? {}) as Record<string, unknown>,
      now: iso(this.d.clock.now()),
    };
  }

  private rolesOf(viewer: Viewer) {
    // A machine client acts with its scopes: rescue:write counts as case work.
    if (viewer.kind === 'token') return viewer.scopes?.includes('rescue:write') ? [...CASE_WORK] : [];
    return [...viewer.roles];
  }

  private hasLocation(c: CaseRow) {
    return Boolean((c.scam_centre_id || c.lat !== null || c.location_area) && c.location_confidence !== null);
  }

  private async toPersons(
    db: Executor,
    rows: Awaited<ReturnType<RescueRepository['persons']>>,
  ): Promise<RescuePerson[]> {
    const ids = rows.map((r) => r.id);
    const [screenings, matches] = await Promise.all([this.repo.screenings(db, ids), this.repo.matches(db, ids)]);
    const sBy = new Map(screenings.map((s) => [s.person_id, s]));
    const p = this.d.personal;
    return rows.map((r) => {
      const s = sBy.get(r.id);
      const age = p.dec(r.age_enc);
      return {
        id: r.id,
        rowKey: r.row_key.startsWith('h:') ? null : r.row_key,
        name: p.dec(r.name_enc) ?? '',
        aliases: p.decList(r.aliases_enc),
        nationality: r.nationality,
        languages: p.decList(r.languages_enc),
        dateOfBirth: p.dec(r.dob_enc),
        age: age === null ? null : Number(age),
        minor: r.minor,
        gender: (p.dec(r.gender_enc) ?? 'unknown') as RescuePerson['gender'],
        contacts: p.decList(r.contacts_enc),
        description: p.dec(r.description_enc) ?? '',
        status: r.status as RescuePerson['status'],
        batchId: r.batch_id,
        screening: s
          ? {
              indicators: s.indicators as NonNullable<RescuePerson['screening']>['indicators'],
              determination: s.determination as NonNullable<RescuePerson['screening']>['determination'],
              nonPunishment: s.non_punishment,
              reasons: s.reasons,
              notes: p.dec(s.notes_enc) ?? '',
              screenedAt: iso(s.screened_at),
              screenedByAgencyId: s.screened_by_agency,
            }
          : null,
        matches: matches
          .filter((m) => m.mine === r.id)
          .map((m) => ({
            caseId: m.case_id,
            caseRef: m.ref,
            holderAgencyId: m.lead_agency_id,
            score: Math.round(m.score * 100) / 100,
            verdict: m.verdict,
          })),
      };
    });
  }

  // ---------------------------------------------------------------- protocol

  async transition(viewer: Viewer, id: string, input: RescueTransition, opts: { requestId?: string } = {}) {
    const { database, clock } = this.d;
    const to = input.to as Stage;
    let centre: ScamCentreRef | null = null;
    if (input.location?.scamCentreId) {
      centre = await this.d.scamCentre(viewer, input.location.scamCentreId);
      if (!centre) throw ValidationError.field('location.scamCentreId', 'no such scam centre, or you may not see it');
    }
    if (input.duplicateOfCaseId) {
      if (input.duplicateOfCaseId === id)
        throw ValidationError.field('duplicateOfCaseId', 'a case cannot duplicate itself');
      const other = await this.repo.caseById(database.db, input.duplicateOfCaseId);
      if (!other) throw ValidationError.field('duplicateOfCaseId', 'no such case');
    }
    await database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, id, true);
      const from = c.stage as Stage;
      const dec = decide(from, to, { roles: this.rolesOf(viewer), parties: a.parties });
      if (!dec.ok) throw dec.status === 403 ? new ForbiddenError(dec.reason) : new ConflictError(dec.reason);
      const counts = await this.repo.screeningCounts(tx, id);
      const team = await this.repo.team(tx, id);
      const missing = requirements(to, input, {
        hasLocation: this.hasLocation(c),
        persons: counts.persons,
        screened: counts.screened,
        team: team.map((m) => ({ agencyId: m.agency_id, party: m.party as Party })),
        today: this.today(),
      });
      if (missing.length > 0)
        throw unprocessable(
          `${from} → ${to} requires ${REQUIRES[to] ?? ''}: ${missing.map((m) => `${m.field} ${m.message}`).join('; ')}`,
          missing,
        );
      const now = clock.now();
      const risk = (input.riskLevel ?? c.risk_level) as RiskLevel;
      const stepData = { ...((c.step_data ?? {}) as Record<string, unknown>) };
      const record: Record<string, unknown> = {};
      for (const k of [
        'plannedFor',
        'rescuedAt',
        'shelterAgencyId',
        'plannedTravelDate',
        'travelDate',
        'receivingAgencyId',
        'duplicateOfCaseId',
        'travelDocumentsReady',
      ] as const)
        if (input[k] !== undefined) record[k] = input[k];
      Object.assign(stepData, record);
      const patch: Partial<CaseRow> = {
        stage: to,
        stage_seq: c.stage_seq + 1,
        stage_entered_at: now,
        deadline_at: deadlineFor(this.d.deadlines, risk, to, now),
        risk_level: risk,
        open: !isTerminal(to),
        step_data: stepData,
        updated_at: now,
      };
      const l = input.location;
      if (l) {
        patch.scam_centre_id = centre?.id ?? c.scam_centre_id;
        patch.lat = l.lat ?? centre?.lat ?? c.lat;
        patch.lon = l.lon ?? centre?.lon ?? c.lon;
        if (l.area !== undefined) patch.location_area = l.area.trim();
        if (l.confidence !== undefined) patch.location_confidence = l.confidence;
        if (l.description !== undefined) patch.location_description_enc = this.d.personal.enc(l.description);
      }
      await this.repo.updateCase(tx, id, patch);
      if (to === 'sheltered') await this.repo.setPersonStatus(tx, id, 'sheltered', ['registered', 'screened']);
      if (to === 'repatriated')
        await this.repo.setPersonStatus(tx, id, 'repatriated', [
          'registered',
          'screened',
          'sheltered',
          'in-batch',
          'departed',
        ]);
      await cancelJob(tx, `rescue:deadline:${id}:${c.stage_seq}`);
      if (patch.deadline_at) await this.armDeadline(tx, id, c.stage_seq + 1, patch.deadline_at);
      const free = [input.note, input.reason, input.verificationSource && `verified by: ${input.verificationSource}`]
        .filter(Boolean)
        .join(' · ');
      await this.repo.addTimeline(tx, {
        case_id: id,
        at: now,
        kind: 'transition',
        summary: `${from} → ${to}${input.riskLevel && input.riskLevel !== c.risk_level ? ` (risk ${c.risk_level} → ${input.riskLevel})` : ''}`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        from_stage: from,
        to_stage: to,
        data: record,
        note_enc: this.d.personal.enc(free),
      });
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId: id, ref: c.ref, from, to, deadlineAt: patch.deadline_at ? iso(patch.deadline_at) : null },
        audience: this.teamAudience(team),
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.case.transition', objectType: 'rescue-case', objectId: id, details: { from, to } },
      );
    });
    this.d.events.notify();
    return this.get(viewer, id, opts);
  }

  /** The deadline job: records one escalation per stage entry and alerts the supervisor and the hub. */
  escalate = async (job: JobContext<{ caseId: string; stageSeq: number }>) => {
    const { caseId, stageSeq } = job.payload;
    const raised = await job.transaction(async (tx) => {
      const c = await this.repo.caseById(tx, caseId, true);
      if (!c?.open || c.stage_seq !== stageSeq || !c.deadline_at || c.deadline_at > job.now) return false;
      const row = await this.repo.insertEscalation(tx, {
        case_id: caseId,
        stage_seq: stageSeq,
        stage: c.stage,
        deadline_at: c.deadline_at,
        raised_at: job.now,
      });
      if (!row) return false;
      const next = transitionsFrom(c.stage as Stage)[0]?.to ?? '';
      await this.repo.addTimeline(tx, {
        case_id: caseId,
        at: job.now,
        kind: 'escalation',
        summary: `deadline missed: ${c.stage} → ${next} was due ${iso(c.deadline_at)}; supervisor and hub alerted`,
        actor_agency_id: null,
        actor_user_id: null,
        from_stage: c.stage,
        data: { deadlineAt: iso(c.deadline_at), riskLevel: c.risk_level },
      });
      const data = {
        caseId,
        ref: c.ref,
        stage: c.stage,
        riskLevel: c.risk_level,
        deadlineAt: iso(c.deadline_at),
        title: `${c.ref}: ${c.stage} → ${next} overdue`,
      };
      const supervisor: EventAudience = c.supervisor_user_id
        ? { kind: 'users', userIds: [c.supervisor_user_id] }
        : { kind: 'agencies', agencyIds: [c.lead_agency_id], roles: ['supervisor'] };
      await emit(tx, { topic: 'rescue.deadline.breached', data, audience: supervisor, occurredAt: job.now });
      const hubs = await this.repo.hubAgencies(tx);
      if (hubs.length > 0)
        await emit(tx, {
          topic: 'rescue.deadline.breached',
          data,
          audience: { kind: 'agencies', agencyIds: hubs.map((h) => h.id) },
          occurredAt: job.now,
        });
      const team = await this.repo.team(tx, caseId);
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId, ref: c.ref, breached: true },
        audience: this.teamAudience(team),
        occurredAt: job.now,
      });
      await this.d.audit(
        tx,
        { viewer: null },
        {
          action: 'rescue.case.escalation',
          objectType: 'rescue-case',
          objectId: caseId,
          details: { stage: c.stage, stageSeq },
        },
      );
      return true;
    });
    if (raised) this.d.events.notify();
  };

  // ---------------------------------------------------------------- notices

  /**
   * Drafts a Yellow Notice (missing person) from a person of the case, through the notices feature.
   * The person must be one the viewer's party may see (case team rules of `get`); the personal data
   * goes only into the draft of the viewer's agency, which notices show to that agency alone until
   * submission. The case timeline records the draft's id, never the person's data.
   */
  async draftYellowNotice(
    viewer: Viewer,
    caseId: string,
    personId: string,
    opts: { requestId?: string } = {},
  ): Promise<{ noticeId: string }> {
    const notices = this.d.notices;
    if (!notices) throw new NotFoundError('notices feature');
    const c = await this.get(viewer, caseId, opts);
    const person = c.visiblePersons.find((p) => p.id === personId);
    if (!person) throw new NotFoundError('person');
    const place =
      [c.location?.scamCentre?.label, c.location?.area, c.location?.description].filter(Boolean).join(' — ') ||
      undefined;
    const facts = [
      person.age !== null && !person.dateOfBirth ? `age ${person.age}` : '',
      person.minor ? 'minor' : '',
      person.languages.length > 0 ? `speaks ${person.languages.join(', ')}` : '',
      person.description,
    ].filter(Boolean);
    const sex = person.gender === 'unknown' ? undefined : NOTICE_SEX[person.gender];
    const subject = {
      name: person.name,
      ...(person.aliases.length > 0 ? { aliases: person.aliases } : {}),
      // Notices take full dates only; a year or a month stays in the description.
      ...(person.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)
        ? { dateOfBirth: person.dateOfBirth }
        : {}),
      ...(person.dateOfBirth && !/^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)
        ? { description: [`born ${person.dateOfBirth}`, ...facts].join('; ').slice(0, 2000) }
        : facts.length > 0
          ? { description: facts.join('; ').slice(0, 2000) }
          : {}),
      ...(sex ? { sex } : {}),
      nationalities: [person.nationality],
    };
    const draft = await notices.create(
      viewer,
      {
        type: 'yellow',
        title: `Missing person: ${person.name}`.slice(0, 300),
        summary: `Drafted from rescue case ${c.ref}.`,
        details: {
          subject,
          missingSince: c.createdAt.slice(0, 10),
          ...(place && place.length >= 3 ? { lastSeenPlace: place.slice(0, 500) } : {}),
          circumstances: `Reported to the rescue protocol (case ${c.ref}, stage ${c.stage}) as a possible victim of a scam centre.`,
          // The family's consent to a public extract is asked for, never assumed.
          familyConsent: false,
        },
        ...(c.location?.scamCentre ? { entityIds: [c.location.scamCentre.id] } : {}),
      },
      opts.requestId,
    );
    const now = this.d.clock.now();
    await this.d.database.transaction(async (tx) => {
      await this.repo.addTimeline(tx, {
        case_id: caseId,
        at: now,
        kind: 'notice',
        summary: 'A Yellow Notice draft was started for a person of the case',
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { noticeId: draft.id, personId },
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.person.yellow-notice',
          objectType: 'rescue-person',
          objectId: personId,
          details: { caseId, noticeId: draft.id },
        },
      );
    });
    return { noticeId: draft.id };
  }

  // ---------------------------------------------------------------- team

  async addTeamMember(
    viewer: Viewer,
    id: string,
    input: { agencyId: string; party?: Party },
    opts: { requestId?: string } = {},
  ) {
    const { database, clock } = this.d;
    await database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, id, true);
      if (!a.parties.some((p) => p === 'host-police' || p === 'home-police' || p === 'hub'))
        throw new ForbiddenError('Only the host police, the home police or the hub add agencies to a case team.');
      const agency = await this.repo.agency(tx, input.agencyId);
      if (!agency) throw ValidationError.field('agencyId', 'no such agency');
      const persons = await this.repo.persons(tx, id);
      const nat = [...new Set(persons.map((p) => p.nationality))];
      const party = input.party ?? partyOf(agency, { hostCountry: c.host_country, nationalities: nat });
      if (!party) throw ValidationError.field('agencyId', `a ${agency.kind} cannot join a rescue case team`);
      const now = clock.now();
      const added = await this.repo.addTeam(tx, id, [{ agencyId: agency.id, party }], now);
      if (added.length === 0) return;
      await this.repo.addTimeline(tx, {
        case_id: id,
        at: now,
        kind: 'team',
        summary: `${agency.name} (${agency.country}) joined as ${party}`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { agencyId: agency.id, party },
      });
      await emit(tx, {
        topic: 'rescue.team.added',
        data: { caseId: id, ref: c.ref, party, title: `You were added to rescue case ${c.ref} as ${party}` },
        audience: { kind: 'agencies', agencyIds: [agency.id] },
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.team.add', objectType: 'rescue-case', objectId: id, details: { agencyId: agency.id, party } },
      );
    });
    this.d.events.notify();
    return this.get(viewer, id, opts);
  }

  async handoff(
    viewer: Viewer,
    id: string,
    input: { toAgencyId: string; note?: string },
    opts: { requestId?: string } = {},
  ) {
    const { database, clock } = this.d;
    await database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, id, true);
      if (isTerminal(c.stage as Stage)) throw new ConflictError(`the case is ${c.stage}`);
      if (c.responsible_agency_id !== viewer.agencyId && c.lead_agency_id !== viewer.agencyId)
        throw new ForbiddenError('Only the responsible or the lead agency hands a case off.');
      if (!this.rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r)))
        throw new ForbiddenError('Handing off needs case work roles.');
      void a;
      const team = await this.repo.team(tx, id);
      const target = team.find((m) => m.agency_id === input.toAgencyId);
      if (!target) throw ValidationError.field('toAgencyId', 'must be an agency on the case team');
      if (target.agency_id === c.responsible_agency_id)
        throw ValidationError.field('toAgencyId', 'already responsible');
      const now = clock.now();
      await this.repo.updateCase(tx, id, { responsible_agency_id: target.agency_id, updated_at: now });
      await this.repo.addTimeline(tx, {
        case_id: id,
        at: now,
        kind: 'handoff',
        summary: `handed off to ${target.name} (${target.party})`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { from: c.responsible_agency_id, to: target.agency_id },
        note_enc: this.d.personal.enc(input.note),
      });
      await emit(tx, {
        topic: 'rescue.case.handoff',
        data: { caseId: id, ref: c.ref, stage: c.stage, title: `Rescue case ${c.ref} handed to you (${c.stage})` },
        audience: { kind: 'agencies', agencyIds: [target.agency_id] },
        occurredAt: now,
      });
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId: id, ref: c.ref },
        audience: this.teamAudience(team),
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.case.handoff', objectType: 'rescue-case', objectId: id, details: { to: target.agency_id } },
      );
    });
    this.d.events.notify();
    return this.get(viewer, id, opts);
  }

  // ---------------------------------------------------------------- mass registration

  async registerCsv(viewer: Viewer, id: string, csv: string, opts: { requestId?: string } = {}) {
    const parsed = parseCsv(csv);
    if (parsed.records.length === 0)
      throw new ValidationError(
        parsed.errors.map((e) => ({ field: e.field, message: e.message })),
        parsed.errors[0]?.message ?? 'no rows',
      );
    return this.register(viewer, id, parsed.records, opts, parsed.errors);
  }

  async register(
    viewer: Viewer,
    id: string,
    records: Record<string, unknown>[],
    opts: { requestId?: string } = {},
    headerErrors: RowError[] = [],
  ): Promise<BulkRegistration> {
    const today = this.today();
    const rows: PersonRow[] = [];
    const errors: RowError[] = [...headerErrors];
    records.forEach((r, i) => {
      const res = readPerson(r, i + 1, today);
      if ('errors' in res) errors.push(...res.errors);
      else rows.push(res.ok);
    });
    const result = await this.d.database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, id, true);
      if (!a.parties.some((p) => p === 'host-police' || p === 'ngo-shelter'))
        throw new ForbiddenError('Only the host police or an NGO/shelter on the team registers persons.');
      if (!this.rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r)))
        throw new ForbiddenError('Registering persons needs case work roles.');
      if (isTerminal(c.stage as Stage)) throw new ConflictError(`the case is ${c.stage}`);
      const now = this.d.clock.now();
      const reg = await this.registerRows(tx, viewer, c, rows, now);
      errors.push(...reg.errors);
      await this.repo.updateCase(tx, id, { updated_at: now });
      if (reg.created.length > 0)
        await this.repo.addTimeline(tx, {
          case_id: id,
          at: now,
          kind: 'persons-registered',
          summary: `${reg.created.length} person(s) registered (${Object.entries(reg.byNationality)
            .map(([n, k]) => `${n} ${k}`)
            .join(', ')}); ${reg.matches.length} possible match(es) with open cases`,
          actor_agency_id: viewer.agencyId,
          actor_user_id: viewer.userId,
          data: { created: reg.created.length, existing: reg.existing, errors: errors.length },
        });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.persons.register',
          objectType: 'rescue-case',
          objectId: id,
          details: { rows: records.length, created: reg.created.length, existing: reg.existing, errors: errors.length },
        },
      );
      return reg;
    });
    this.d.events.notify();
    errors.sort((x, y) => x.row - y.row);
    return {
      rows: records.length,
      created: result.created.length,
      existing: result.existing,
      errors,
      matches: result.matches,
      byNationality: result.byNationality,
      consulatesNotified: result.consulatesNotified,
    };
  }

  private facts(p: {
    name: string;
    aliases?: string[];
    dateOfBirth?: string | null;
    age?: number | null;
    nationality: string;
    gender?: string | null;
  }): PersonFacts {
    const year = Number(this.today().slice(0, 4));
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

  /** Stores validated rows on a case (idempotent by row key), detects matches, notifies consulates. */
  private async registerRows(tx: Tx, viewer: Viewer, c: CaseRow, rows: PersonRow[], at: Date) {
    const p = this.d.personal;
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const keyed: Array<PersonRow & { rowKey: string }> = [];
    for (const r of rows) {
      const rowKey =
        r.person.rowKey ??
        `h:${p.blind(`${normaliseName(r.person.name).key}|${r.person.dateOfBirth ?? ''}|${r.person.nationality}`)}`;
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

  // ---------------------------------------------------------------- screening

  async screen(viewer: Viewer, personId: string, input: NewScreening, opts: { requestId?: string } = {}) {
    const { database, clock } = this.d;
    const person = await this.repo.personById(database.db, personId);
    if (!person) throw new NotFoundError('person');
    const caseId = person.case_id;
    await database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, caseId, true);
      const own =
        (a.parties.includes('consulate') || a.parties.includes('home-police')) && person.nationality === viewer.country;
      if (a.scope === 'none' || (a.scope === 'nationality' && !own)) throw new NotFoundError('person');
      if (!a.parties.some((p) => p === 'host-police' || p === 'ngo-shelter' || p === 'consulate'))
        throw new ForbiddenError('Screening is done by the host police, an NGO/shelter or the consulate.');
      if (!this.rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r)))
        throw new ForbiddenError('Screening needs case work roles.');
      if (!['rescued', 'screened', 'sheltered', 'repatriation-arranged'].includes(c.stage))
        throw new ConflictError(`screening happens after the rescue; the case is ${c.stage}`);
      const res = determine(input.indicators);
      const now = clock.now();
      await this.repo.upsertScreening(tx, {
        person_id: personId,
        case_id: caseId,
        indicators: [...input.indicators],
        determination: res.determination,
        non_punishment: res.nonPunishment,
        reasons: res.reasons,
        notes_enc: this.d.personal.enc(input.notes),
        screened_at: now,
        screened_by_agency: viewer.agencyId,
        screened_by_user: viewer.userId,
      });
      if (person.status === 'registered')
        await tx.updateTable('rescue_persons').set({ status: 'screened' }).where('id', '=', personId).execute();
      await this.repo.addTimeline(tx, {
        case_id: caseId,
        at: now,
        kind: 'screening',
        summary: `a ${person.nationality} national screened: ${res.determination}${res.nonPunishment ? ', non-punishment applies' : ''}`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { personId, determination: res.determination, nonPunishment: res.nonPunishment },
      });
      const team = await this.repo.team(tx, caseId);
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId, ref: c.ref },
        audience: this.teamAudience(team),
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.person.screen',
          objectType: 'rescue-person',
          objectId: personId,
          details: { determination: res.determination },
        },
      );
    });
    this.d.events.notify();
    const [view] = await this.toPersons(database.db, [(await this.repo.personById(database.db, personId))!]);
    return view as RescuePerson;
  }

  // ---------------------------------------------------------------- batches and dashboard

  async createBatch(
    viewer: Viewer,
    caseId: string,
    input: NewBatch,
    opts: { requestId?: string } = {},
  ): Promise<Batch> {
    const { database, clock } = this.d;
    const id = await database.transaction(async (tx) => {
      const { c, a } = await this.visibleCase(tx, viewer, caseId, true);
      const consul = a.parties.includes('consulate') && input.nationality === viewer.country;
      if (!a.parties.includes('host-police') && !consul)
        throw new ForbiddenError(
          'Repatriation batches are made by the host police or the consulate of that nationality.',
        );
      if (!this.rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r)))
        throw new ForbiddenError('Batches need case work roles.');
      if (input.travelDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.travelDate))
        throw ValidationError.field('travelDate', 'is not a date');
      if (input.receptionAgencyId && !(await this.repo.agency(tx, input.receptionAgencyId)))
        throw ValidationError.field('receptionAgencyId', 'no such agency');
      const persons = await this.repo.persons(tx, caseId);
      const byId = new Map(persons.map((p) => [p.id, p]));
      const errors: FieldError[] = [];
      input.personIds.forEach((pid, i) => {
        const p = byId.get(pid);
        if (!p) errors.push({ field: `personIds.${i}`, message: 'not a person of this case' });
        else if (p.nationality !== input.nationality)
          errors.push({ field: `personIds.${i}`, message: `is a ${p.nationality} national` });
        else if (p.batch_id) errors.push({ field: `personIds.${i}`, message: 'already in a batch' });
        else if (p.status === 'registered') errors.push({ field: `personIds.${i}`, message: 'not screened yet' });
      });
      if (errors.length > 0)
        throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
      const now = clock.now();
      const b = await tx
        .insertInto('rescue_batches')
        .values({
          case_id: caseId,
          nationality: input.nationality,
          status: 'planned',
          transport_mode: input.transportMode ?? null,
          carrier_ref: input.carrierRef ?? '',
          travel_date: input.travelDate ?? null,
          reception_agency_id: input.receptionAgencyId ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('rescue_persons')
        .set({ batch_id: b.id, status: 'in-batch' })
        .where('id', 'in', input.personIds)
        .execute();
      await this.repo.addTimeline(tx, {
        case_id: caseId,
        at: now,
        kind: 'batch',
        summary: `repatriation batch of ${input.personIds.length} ${input.nationality} national(s) planned`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { batchId: b.id, nationality: input.nationality, persons: input.personIds.length },
      });
      const team = await this.repo.team(tx, caseId);
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId, ref: c.ref },
        audience: this.teamAudience(team),
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.batch.create',
          objectType: 'rescue-batch',
          objectId: b.id,
          details: { caseId, persons: input.personIds.length },
        },
      );
      return b.id;
    });
    this.d.events.notify();
    return this.batch(id);
  }

  private async batch(id: string): Promise<Batch> {
    const db = this.d.database.db;
    const b = await this.repo.batchById(db, id);
    if (!b) throw new NotFoundError('batch');
    const [withCount] = await this.repo.batches(db, [b.case_id]).then((rows) => rows.filter((r) => r.id === id));
    return toBatch(withCount ?? { ...b, persons: 0 });
  }

  async advanceBatch(
    viewer: Viewer,
    id: string,
    input: { status: Batch['status']; travelDate?: string; carrierRef?: string },
    opts: { requestId?: string } = {},
  ) {
    const { database, clock } = this.d;
    await database.transaction(async (tx) => {
      const b = await this.repo.batchById(tx, id, true);
      if (!b) throw new NotFoundError('batch');
      const { c, a } = await this.visibleCase(tx, viewer, b.case_id);
      const consul = a.parties.includes('consulate') && b.nationality === viewer.country;
      if (!a.parties.includes('host-police') && !consul) throw new NotFoundError('batch');
      if (!this.rolesOf(viewer).some((r) => (CASE_WORK as readonly string[]).includes(r)))
        throw new ForbiddenError('Batches need case work roles.');
      const from = BATCH_STATUSES.indexOf(b.status as Batch['status']);
      const to = BATCH_STATUSES.indexOf(input.status);
      if (to !== from + 1)
        throw new ConflictError(
          `a batch goes ${b.status} → ${BATCH_STATUSES[from + 1] ?? '(done)'}, not → ${input.status}`,
        );
      const travelDate = input.travelDate ?? b.travel_date;
      if (input.status === 'transport-booked' && !travelDate)
        throw ValidationError.field('travelDate', 'is required to book transport');
      if (input.travelDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.travelDate))
        throw ValidationError.field('travelDate', 'is not a date');
      const now = clock.now();
      await tx
        .updateTable('rescue_batches')
        .set({
          status: input.status,
          travel_date: travelDate,
          carrier_ref: input.carrierRef ?? b.carrier_ref,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      if (input.status === 'departed')
        await tx.updateTable('rescue_persons').set({ status: 'departed' }).where('batch_id', '=', id).execute();
      if (input.status === 'received')
        await tx.updateTable('rescue_persons').set({ status: 'repatriated' }).where('batch_id', '=', id).execute();
      await this.repo.addTimeline(tx, {
        case_id: b.case_id,
        at: now,
        kind: 'batch',
        summary: `${b.nationality} batch: ${b.status} → ${input.status}`,
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { batchId: id, status: input.status },
      });
      const team = await this.repo.team(tx, b.case_id);
      await emit(tx, {
        topic: 'rescue.case.updated',
        data: { caseId: b.case_id, ref: c.ref },
        audience: this.teamAudience(team),
        occurredAt: now,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.batch.advance', objectType: 'rescue-batch', objectId: id, details: { status: input.status } },
      );
    });
    this.d.events.notify();
    return this.batch(id);
  }

  /** Counts by nationality and person status (never names); a consulate sees its nationals' counts. */
  async dashboard(viewer: Viewer, caseId?: string): Promise<RepatriationDashboard> {
    const db = this.d.database.db;
    const agency = await this.repo.agency(db, viewer.agencyId);
    let cases: Array<{ id: string; host_country: string }>;
    if (caseId) {
      const { c } = await this.visibleCase(db, viewer, caseId);
      cases = [c];
    } else {
      cases = (await this.repo.board(db, { agencyId: viewer.agencyId, all: agency?.kind === 'hub' })) as CaseRow[];
    }
    // Full counts for the host police, NGOs and the hub; the viewer's nationality elsewhere.
    const full: string[] = [];
    const own: string[] = [];
    for (const c of cases) {
      const a = await this.access(db, viewer, c.id);
      if (a.hub || a.scope === 'all') full.push(c.id);
      else if (a.scope === 'nationality') own.push(c.id);
    }
    const counts = [...(await this.repo.dashboard(db, full)), ...(await this.repo.dashboard(db, own, viewer.country))];
    const batches = [...(await this.repo.batches(db, full)), ...(await this.repo.batches(db, own, viewer.country))];
    const byNat = new Map<string, RepatriationDashboard['byNationality'][number]>();
    let total = 0;
    for (const r of counts) {
      const n = Number(r.n);
      total += n;
      const e = byNat.get(r.nationality) ?? {
        nationality: r.nationality,
        total: 0,
        byStatus: {},
        nonPunishment: 0,
        matches: 0,
      };
      e.total += n;
      e.byStatus[r.status] = (e.byStatus[r.status] ?? 0) + n;
      e.nonPunishment += Number(r.non_punishment);
      e.matches += Number(r.matches);
      byNat.set(r.nationality, e);
    }
    await this.d.database.transaction((tx) =>
      this.d.audit(
        tx,
        { viewer },
        {
          action: 'rescue.dashboard.read',
          objectType: 'rescue-case',
          objectId: caseId ?? null,
          details: { cases: cases.length },
        },
      ),
    );
    return {
      caseId: caseId ?? null,
      total,
      byNationality: [...byNat.values()].sort(
        (x, y) => y.total - x.total || x.nationality.localeCompare(y.nationality),
      ),
      batches: batches.map(toBatch),
    };
  }
}

function toBatch(b: {
  id: string;
  case_id: string;
  nationality: string;
  status: string;
  transport_mode: string | null;
  carrier_ref: string;
  travel_date: string | null;
  reception_agency_id: string | null;
  created_at: Date;
  persons: number | null;
}): Batch {
  return {
    id: b.id,
    caseId: b.case_id,
    nationality: b.nationality,
    status: b.status as Batch['status'],
    persons: Number(b.persons ?? 0),
    transportMode: b.transport_mode,
    carrierRef: b.carrier_ref,
    travelDate: b.travel_date,
    receptionAgencyId: b.reception_agency_id,
    createdAt: b.created_at.toISOString(),
  };
}
