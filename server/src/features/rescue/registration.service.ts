import type { BulkRegistration } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import { type CaseAccess, doesCaseWork, type RescueDeps, todayOf } from './case-access.ts';
import type { PersonRegistrar } from './person-registrar.ts';
import { isTerminal, type Stage } from './protocol.ts';
import type { RescueRepository } from './rescue.repository.ts';
import { type PersonRow, parseCsv, type RowError, readPerson } from './rows.ts';

/** Mass registration: the persons of a raid, as JSON rows or CSV, on a case. */
export class RegistrationService {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'events'>,
    private readonly repo: RescueRepository,
    private readonly acl: CaseAccess,
    private readonly registrar: PersonRegistrar,
  ) {}

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
    const today = todayOf(this.d.clock);
    const rows: PersonRow[] = [];
    const errors: RowError[] = [...headerErrors];
    records.forEach((r, i) => {
      const res = readPerson(r, i + 1, today);
      if ('errors' in res) errors.push(...res.errors);
      else rows.push(res.ok);
    });
    const result = await this.d.database.transaction(async (tx) => {
      const { c, a } = await this.acl.visibleCase(tx, viewer, id, true);
      if (!a.parties.some((p) => p === 'host-police' || p === 'ngo-shelter'))
        throw new ForbiddenError('Only the host police or an NGO/shelter on the team registers persons.');
      if (!doesCaseWork(viewer)) throw new ForbiddenError('Registering persons needs case work roles.');
      if (isTerminal(c.stage as Stage)) throw new ConflictError(`the case is ${c.stage}`);
      const now = this.d.clock.now();
      const reg = await this.registrar.registerRows(tx, viewer, c, rows, now);
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
}
