import type { NewRescueCase, RescueCase, RescueTransition } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, type FieldError, ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import { cancelJob } from '../../platform/jobs/enqueue.ts';
import {
  type CaseAccess,
  emitCaseUpdated,
  hasLocation,
  iso,
  type RescueDeps,
  rolesOf,
  type ScamCentreRef,
  teamAudience,
  todayOf,
  unprocessable,
} from './case-access.ts';
import type { CaseReader } from './case-reader.ts';
import { armDeadline } from './escalation.service.ts';
import type { PersonRegistrar } from './person-registrar.ts';
import {
  deadlineFor,
  decide,
  isTerminal,
  type Party,
  partyOf,
  REQUIRES,
  type RiskLevel,
  requirements,
  type Stage,
  suggestedRisk,
} from './protocol.ts';
import type { CaseRow, RescueRepository } from './rescue.repository.ts';
import { type PersonRow, readPerson } from './rows.ts';

/** A case's life: opening it and walking the protocol's stages. */
export class CasesService {
  constructor(
    private readonly d: Pick<
      RescueDeps,
      'database' | 'clock' | 'audit' | 'events' | 'personal' | 'deadlines' | 'scamCentre'
    >,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
    private readonly reader: CaseReader,
    private readonly registrar: PersonRegistrar,
  ) {}

  async open(viewer: Viewer, input: NewRescueCase, opts: { requestId?: string; at?: Date } = {}): Promise<RescueCase> {
    const { database } = this.d;
    const today = todayOf(this.d.clock);
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
      if (deadline) await armDeadline(tx, id, 1, deadline);
      const c = (await this.repo.caseById(tx, id)) as CaseRow;
      const reg = await this.registrar.registerRows(tx, viewer, c, rows, at);
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
        audience: teamAudience(team),
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
    return this.reader.get(viewer, id, { requestId: opts.requestId });
  }
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
      const { c, a } = await this.acl.visibleCase(tx, viewer, id, true);
      const from = c.stage as Stage;
      const dec = decide(from, to, { roles: rolesOf(viewer), parties: a.parties });
      if (!dec.ok) throw dec.status === 403 ? new ForbiddenError(dec.reason) : new ConflictError(dec.reason);
      const counts = await this.repo.screeningCounts(tx, id);
      const team = await this.repo.team(tx, id);
      const missing = requirements(to, input, {
        hasLocation: hasLocation(c),
        persons: counts.persons,
        screened: counts.screened,
        team: team.map((m) => ({ agencyId: m.agency_id, party: m.party as Party })),
        today: todayOf(this.d.clock),
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
      if (patch.deadline_at) await armDeadline(tx, id, c.stage_seq + 1, patch.deadline_at);
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
      await emitCaseUpdated(
        tx,
        team,
        { caseId: id, ref: c.ref, from, to, deadlineAt: patch.deadline_at ? iso(patch.deadline_at) : null },
        now,
      );
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.case.transition', objectType: 'rescue-case', objectId: id, details: { from, to } },
      );
    });
    this.d.events.notify();
    return this.reader.get(viewer, id, opts);
  }
}
