import type { RescueBoard, RescueCase, RescueCaseSummary, RescuePerson } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type CaseAccess, hasLocation, iso, type RescueDeps, rolesOf, todayOf } from './case-access.ts';
import { decide, type Party, REQUIRES, type RiskLevel, STEP_FIELDS, type Stage, transitionsFrom } from './protocol.ts';
import type { CaseRow, RescueRepository } from './rescue.repository.ts';

/** Reading cases: the board, one case as the viewer's party may see it, and its persons. */
export class CaseReader {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'personal' | 'scamCentre'>,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
  ) {}

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
    const { c, a } = await this.acl.visibleCase(db, viewer, id);
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
      hasLocation: hasLocation(c),
      persons: counts.persons,
      screened: counts.screened,
      team: team.map((m) => ({ agencyId: m.agency_id, party: m.party as Party })),
      today: todayOf(this.d.clock),
    };
    const nextSteps = transitionsFrom(c.stage as Stage).map((t) => {
      const dec = decide(c.stage as Stage, t.to, { roles: rolesOf(viewer), parties: a.parties });
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
  async toPersons(db: Executor, rows: Awaited<ReturnType<RescueRepository['persons']>>): Promise<RescuePerson[]> {
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
}
