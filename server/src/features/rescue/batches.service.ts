import type { Batch, NewBatch, RepatriationDashboard } from '@cordon/contracts';
import { BATCH_STATUSES } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/http/errors.ts';
import { type CaseAccess, doesCaseWork, emitCaseUpdated, type RescueDeps } from './case-access.ts';
import type { CaseRow, RescueRepository } from './rescue.repository.ts';

/** Repatriation: batches of nationals and the counts dashboard. */
export class BatchesService {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'events'>,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
  ) {}

  async createBatch(
    viewer: Viewer,
    caseId: string,
    input: NewBatch,
    opts: { requestId?: string } = {},
  ): Promise<Batch> {
    const { database, clock } = this.d;
    const id = await database.transaction(async (tx) => {
      const { c, a } = await this.acl.visibleCase(tx, viewer, caseId, true);
      const consul = a.parties.includes('consulate') && input.nationality === viewer.country;
      if (!a.parties.includes('host-police') && !consul)
        throw new ForbiddenError(
          'Repatriation batches are made by the host police or the consulate of that nationality.',
        );
      if (!doesCaseWork(viewer)) throw new ForbiddenError('Batches need case work roles.');
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
      await emitCaseUpdated(tx, team, { caseId, ref: c.ref }, now);
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
      const { c, a } = await this.acl.visibleCase(tx, viewer, b.case_id);
      const consul = a.parties.includes('consulate') && b.nationality === viewer.country;
      if (!a.parties.includes('host-police') && !consul) throw new NotFoundError('batch');
      if (!doesCaseWork(viewer)) throw new ForbiddenError('Batches need case work roles.');
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
      await emitCaseUpdated(tx, team, { caseId: b.case_id, ref: c.ref }, now);
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
      const { c } = await this.acl.visibleCase(db, viewer, caseId);
      cases = [c];
    } else {
      cases = (await this.repo.board(db, { agencyId: viewer.agencyId, all: agency?.kind === 'hub' })) as CaseRow[];
    }
    // Full counts for the host police, NGOs and the hub; the viewer's nationality elsewhere.
    const full: string[] = [];
    const own: string[] = [];
    for (const c of cases) {
      const a = await this.acl.of(db, viewer, c.id);
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
