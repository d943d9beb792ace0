import type { Viewer } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import { type CaseAccess, doesCaseWork, emitCaseUpdated, type RescueDeps } from './case-access.ts';
import type { CaseReader } from './case-reader.ts';
import { isTerminal, type Party, partyOf, type Stage } from './protocol.ts';
import type { RescueRepository } from './rescue.repository.ts';

/** A case's team: agencies joining it, and hand-offs of responsibility between them. */
export class TeamService {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'events' | 'personal'>,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
    private readonly reader: CaseReader,
  ) {}

  async addTeamMember(
    viewer: Viewer,
    id: string,
    input: { agencyId: string; party?: Party },
    opts: { requestId?: string } = {},
  ) {
    const { database, clock } = this.d;
    await database.transaction(async (tx) => {
      const { c, a } = await this.acl.visibleCase(tx, viewer, id, true);
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
    return this.reader.get(viewer, id, opts);
  }

  async handoff(
    viewer: Viewer,
    id: string,
    input: { toAgencyId: string; note?: string },
    opts: { requestId?: string } = {},
  ) {
    const { database, clock } = this.d;
    await database.transaction(async (tx) => {
      const { c, a } = await this.acl.visibleCase(tx, viewer, id, true);
      if (isTerminal(c.stage as Stage)) throw new ConflictError(`the case is ${c.stage}`);
      if (c.responsible_agency_id !== viewer.agencyId && c.lead_agency_id !== viewer.agencyId)
        throw new ForbiddenError('Only the responsible or the lead agency hands a case off.');
      if (!doesCaseWork(viewer)) throw new ForbiddenError('Handing off needs case work roles.');
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
      await emitCaseUpdated(tx, team, { caseId: id, ref: c.ref }, now);
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        { action: 'rescue.case.handoff', objectType: 'rescue-case', objectId: id, details: { to: target.agency_id } },
      );
    });
    this.d.events.notify();
    return this.reader.get(viewer, id, opts);
  }
}
