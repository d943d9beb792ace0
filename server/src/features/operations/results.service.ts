import type { NewResult, OperationStatus, PublicSummary, ResultsDashboard } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Executor } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, type FieldError, NotFoundError } from '../../platform/http/errors.ts';
import { isoNumeric } from './iso-numeric.ts';
import { REPORTING_STATUSES, summaryText } from './lifecycle.ts';
import { type OperationRow, OperationsRepository, type ResultRow } from './operations.repository.ts';
import { fail, iso, leadOf, type OperationsDeps, participantOf } from './operations.shared.ts';

/** Results each agency reports, the participants' dashboard and the public (TLP:CLEAR) summary. */
export class ResultsService {
  private readonly repo = new OperationsRepository();
  constructor(private readonly d: OperationsDeps) {}

  async report(viewer: Viewer, operationId: string, input: NewResult, requestId?: string) {
    const errors: FieldError[] = [];
    if (input.agencyId && input.agencyId !== viewer.agencyId)
      errors.push({ field: 'agencyId', message: 'an agency reports its own results only' });
    const named = Object.values(input.arrestNationalities).reduce((s, n) => s + n, 0);
    if (named > input.arrests)
      errors.push({
        field: 'arrestNationalities',
        message: `names ${named} nationalities for ${input.arrests} arrests`,
      });
    if (errors.length > 0) fail(errors);
    const id = await this.d.database.transaction(async (tx) => {
      const { op } = await participantOf(tx, viewer, operationId);
      if (!REPORTING_STATUSES.includes(op.status as OperationStatus))
        throw new ConflictError(`Results are reported once the operation is active, not while ${op.status}.`);
      const r = await tx
        .insertInto('operation_results')
        .values({
          operation_id: operationId,
          agency_id: viewer.agencyId,
          country: viewer.country,
          reported_on: input.reportedOn,
          arrests: input.arrests,
          arrest_nationalities: JSON.stringify(input.arrestNationalities),
          victims_rescued: input.victimsRescued,
          centres_raided: input.centresRaided,
          devices_seized: input.devicesSeized,
          accounts_blocked: input.accountsBlocked,
          assets_frozen: input.assetsFrozen,
          assets_seized: input.assetsSeized,
          currency: input.currency,
          rescue_case_ids: input.rescueCaseIds ?? [],
          finance_ref_ids: input.financeRefIds ?? [],
          note: input.note ?? '',
          created_by_user: viewer.userId,
          created_at: this.d.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.result.reported',
          objectType: 'operation-result',
          objectId: r.id,
          details: { operationId },
        },
      );
      await emit(tx, {
        topic: 'operations.result',
        data: { operationId, resultId: r.id },
        audience: { kind: 'agencies', agencyIds: await this.repo.activeParticipantIds(tx, operationId) },
        occurredAt: this.d.clock.now(),
      });
      return r.id;
    });
    this.d.events.notify();
    return (await this.dashboard(viewer, operationId)).results.find(
      (r) => r.id === id,
    ) as ResultsDashboard['results'][number];
  }

  async dashboard(viewer: Viewer, operationId: string): Promise<ResultsDashboard> {
    const db = this.d.database.db;
    await participantOf(db, viewer, operationId);
    return this.aggregate(db, operationId);
  }

  private async aggregate(db: Executor, operationId: string): Promise<ResultsDashboard> {
    const agg = await this.repo.aggregate(db, operationId);
    const figures = (r: {
      arrests: number;
      victims_rescued: number;
      centres_raided: number;
      devices_seized: number;
      accounts_blocked: number;
    }) => ({
      arrests: r.arrests,
      victimsRescued: r.victims_rescued,
      centresRaided: r.centres_raided,
      devicesSeized: r.devices_seized,
      accountsBlocked: r.accounts_blocked,
    });
    const assets = (country: string | null) =>
      agg.money
        .filter((m) => m.country === country)
        .map((m) => ({ currency: m.currency, frozen: m.frozen, seized: m.seized }));
    const t = agg.totals ?? {
      arrests: 0,
      victims_rescued: 0,
      centres_raided: 0,
      devices_seized: 0,
      accounts_blocked: 0,
      countries: 0,
    };
    return {
      totals: { ...figures(t), countries: t.countries, assets: assets(null) },
      byCountry: agg.byCountry.map((c) => ({
        country: c.country,
        isoNumeric: isoNumeric(c.country),
        ...figures(c),
        assets: assets(c.country),
      })),
      overTime: agg.byDay.map((d) => ({ day: d.day, ...figures(d) })),
      nationalities: agg.nationalities,
      results: (await this.repo.results(db, operationId)).map(toResult),
    };
  }

  async publicSummary(viewer: Viewer | null, operationId: string): Promise<PublicSummary> {
    const db = this.d.database.db;
    let op: OperationRow | undefined;
    if (viewer) op = (await participantOf(db, viewer, operationId)).op;
    else {
      op = await db
        .selectFrom('operations')
        .selectAll()
        .where('id', '=', operationId)
        .where('summary_published', '=', true)
        .executeTakeFirst();
      if (!op) throw new NotFoundError('published summary');
    }
    const { totals } = await this.aggregate(db, operationId);
    return {
      tlp: 'CLEAR',
      operationId: op.id,
      periodStart: op.period_start,
      periodEnd: op.period_end,
      countries: totals.countries,
      arrests: totals.arrests,
      victimsRescued: totals.victimsRescued,
      centresRaided: totals.centresRaided,
      devicesSeized: totals.devicesSeized,
      accountsBlocked: totals.accountsBlocked,
      assets: totals.assets,
      text: summaryText(totals),
    };
  }

  async publishSummary(viewer: Viewer, operationId: string, requestId?: string): Promise<PublicSummary> {
    await this.d.database.transaction(async (tx) => {
      const { op } = await leadOf(tx, viewer, operationId);
      if (op.status !== 'concluded' && op.status !== 'archived' && op.status !== 'active')
        throw new ConflictError('There is nothing to publish before the operation is active.');
      await tx.updateTable('operations').set({ summary_published: true }).where('id', '=', operationId).execute();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.summary.published', objectType: 'operation', objectId: operationId },
      );
    });
    return this.publicSummary(viewer, operationId);
  }

  async publishedSummaries(): Promise<PublicSummary[]> {
    const rows = await this.d.database.db
      .selectFrom('operations')
      .select('id')
      .where('summary_published', '=', true)
      .orderBy('period_end', 'desc')
      .limit(100)
      .execute();
    const out: PublicSummary[] = [];
    for (const r of rows) out.push(await this.publicSummary(null, r.id));
    return out;
  }
}

function toResult(r: ResultRow) {
  return {
    id: r.id,
    operationId: r.operation_id,
    agencyId: r.agency_id,
    country: r.country,
    reportedOn: r.reported_on,
    arrests: r.arrests,
    arrestNationalities: r.arrest_nationalities as Record<string, number>,
    victimsRescued: r.victims_rescued,
    centresRaided: r.centres_raided,
    devicesSeized: r.devices_seized,
    accountsBlocked: r.accounts_blocked,
    assetsFrozen: r.assets_frozen,
    assetsSeized: r.assets_seized,
    currency: r.currency,
    rescueCaseIds: r.rescue_case_ids,
    financeRefIds: r.finance_ref_ids,
    note: r.note,
    createdAt: iso(r.created_at),
  };
}
