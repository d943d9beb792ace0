import type { NewScreening, RescuePerson } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.ts';
import { type CaseAccess, doesCaseWork, emitCaseUpdated, type RescueDeps } from './case-access.ts';
import type { CaseReader } from './case-reader.ts';
import type { RescueRepository } from './rescue.repository.ts';
import { determine } from './screening.ts';

/** Victim screening of a person: indicators, determination, non-punishment. */
export class ScreeningService {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'events' | 'personal'>,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
    private readonly reader: CaseReader,
  ) {}

  async screen(viewer: Viewer, personId: string, input: NewScreening, opts: { requestId?: string } = {}) {
    const { database, clock } = this.d;
    const person = await this.repo.personById(database.db, personId);
    if (!person) throw new NotFoundError('person');
    const caseId = person.case_id;
    await database.transaction(async (tx) => {
      const { c, a } = await this.acl.visibleCase(tx, viewer, caseId, true);
      const own =
        (a.parties.includes('consulate') || a.parties.includes('home-police')) && person.nationality === viewer.country;
      if (a.scope === 'none' || (a.scope === 'nationality' && !own)) throw new NotFoundError('person');
      if (!a.parties.some((p) => p === 'host-police' || p === 'ngo-shelter' || p === 'consulate'))
        throw new ForbiddenError('Screening is done by the host police, an NGO/shelter or the consulate.');
      if (!doesCaseWork(viewer)) throw new ForbiddenError('Screening needs case work roles.');
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
      await emitCaseUpdated(tx, team, { caseId, ref: c.ref }, now);
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
    const [view] = await this.reader.toPersons(database.db, [(await this.repo.personById(database.db, personId))!]);
    return view as RescuePerson;
  }
}
