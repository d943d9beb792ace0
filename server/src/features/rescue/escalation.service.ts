import type { Tx } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { EventAudience } from '../../platform/events/types.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import type { JobContext } from '../../platform/jobs/runner.ts';
import { emitCaseUpdated, iso, type RescueDeps } from './case-access.ts';
import { type Stage, transitionsFrom } from './protocol.ts';
import type { RescueRepository } from './rescue.repository.ts';

export const DEADLINE_JOB = 'rescue.deadline';

/** Arms the deadline job of a stage entry (cancelled by the next transition). */
export async function armDeadline(tx: Tx, caseId: string, stageSeq: number, at: Date) {
  await enqueue(tx, {
    kind: DEADLINE_JOB,
    runAt: at,
    payload: { caseId, stageSeq },
    dedupeKey: `rescue:deadline:${caseId}:${stageSeq}`,
  });
}

/** Stage deadlines: a missed one is escalated to the supervisor and the hub. */
export class EscalationService {
  constructor(
    private readonly d: Pick<RescueDeps, 'audit' | 'events'>,
    private readonly repo: RescueRepository,
  ) {}

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
      await emitCaseUpdated(tx, team, { caseId, ref: c.ref, breached: true }, job.now);
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
}
