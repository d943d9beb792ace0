import { BatchesService } from './batches.service.ts';
import { CaseAccess, type RescueDeps } from './case-access.ts';
import { CaseReader } from './case-reader.ts';
import { CasesService } from './cases.service.ts';
import { EscalationService } from './escalation.service.ts';
import { NoticeLinksService } from './notice-links.service.ts';
import { PersonRegistrar } from './person-registrar.ts';
import { RegistrationService } from './registration.service.ts';
import { RescueRepository } from './rescue.repository.ts';
import { ScreeningService } from './screening.service.ts';
import { TeamService } from './team.service.ts';

export type { RescueDeps, ScamCentreRef } from './case-access.ts';
export { DEADLINE_JOB } from './escalation.service.ts';
export { MATCHES_PER_PERSON } from './person-registrar.ts';

/**
 * The rescue protocol's cases as one API for the routes and other features (a thin facade): each
 * job lives in its own service (cases, escalation, team, screening, registration, batches, notices).
 */
export function rescueCases(d: RescueDeps) {
  const repo = new RescueRepository();
  const acl = new CaseAccess(repo);
  const reader = new CaseReader(d, repo, acl);
  const registrar = new PersonRegistrar(d, repo);
  const cases = new CasesService(d, repo, acl, reader, registrar);
  const escalation = new EscalationService(d, repo);
  const team = new TeamService(d, repo, acl, reader);
  const registration = new RegistrationService(d, repo, acl, registrar);
  const screening = new ScreeningService(d, repo, acl, reader);
  const batches = new BatchesService(d, repo, acl);
  const notices = new NoticeLinksService(d, repo, reader);
  return {
    open: cases.open.bind(cases),
    transition: cases.transition.bind(cases),
    board: reader.board.bind(reader),
    get: reader.get.bind(reader),
    /** The deadline job handler (registered on the job runner in app.ts). */
    escalate: escalation.escalate,
    addTeamMember: team.addTeamMember.bind(team),
    handoff: team.handoff.bind(team),
    register: registration.register.bind(registration),
    registerCsv: registration.registerCsv.bind(registration),
    screen: screening.screen.bind(screening),
    createBatch: batches.createBatch.bind(batches),
    advanceBatch: batches.advanceBatch.bind(batches),
    dashboard: batches.dashboard.bind(batches),
    draftYellowNotice: notices.draftYellowNotice.bind(notices),
  };
}

export type RescueCases = ReturnType<typeof rescueCases>;
