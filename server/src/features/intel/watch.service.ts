import type { Alert, NewWatch, Watch } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { COUNTRIES } from '../agencies/countries.ts';
import { AlertsRepository } from './alerts.repository.ts';
import { ReportsRepository } from './reports.repository.ts';
import { type IntelDeps, reader } from './reports.service.ts';
import { normaliseSelector } from './selectors/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agency's watchlist and its alert inbox. */
export class WatchService {
  readonly alerts = new AlertsRepository();
  readonly reports = new ReportsRepository();
  constructor(private readonly d: IntelDeps) {}

  async list(viewer: Viewer): Promise<Watch[]> {
    const rows = await this.d.database.db
      .selectFrom('watchlists')
      .selectAll()
      .where('agency_id', '=', viewer.agencyId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((w) => ({
      id: w.id,
      kind: w.kind as Watch['kind'],
      value: w.value,
      label: w.label,
      createdAt: w.created_at.toISOString(),
    }));
  }

  /** Normalises what is watched the same way intelligence is, so a watch meets the records it should. */
  private async canonical(viewer: Viewer, input: NewWatch): Promise<{ value: string; label: string }> {
    switch (input.kind) {
      case 'selector': {
        if (!input.selectorKind) throw ValidationError.field('selectorKind', 'say which kind of selector to watch');
        const r = normaliseSelector({
          kind: input.selectorKind,
          value: input.value,
          country: input.country ?? viewer.country,
        });
        if (!r.ok) throw ValidationError.field('value', r.reason);
        return { value: r.selector.key, label: input.label ?? r.selector.display };
      }
      case 'mo': {
        const known = await this.reports.knownMoTags(this.d.database.db, [input.value]);
        if (!known.has(input.value))
          throw ValidationError.field('value', `"${input.value}" is not in the modus-operandi taxonomy`);
        return { value: input.value, label: input.label ?? `modus operandi ${input.value}` };
      }
      case 'country': {
        const c = COUNTRIES.get(input.value.toUpperCase());
        if (!c) throw ValidationError.field('value', `${input.value} is not an ISO 3166-1 alpha-2 country code`);
        return { value: c.code, label: input.label ?? c.name };
      }
      case 'scam-centre': {
        if (!UUID.test(input.value)) throw ValidationError.field('value', 'give the id of a scam centre entity');
        const [e] = await this.reports.visibleEntities(this.d.database.db, reader(viewer), [input.value.toLowerCase()]);
        if (e?.kind !== 'scam-centre') throw new NotFoundError('scam centre');
        return { value: e.id, label: input.label ?? e.label };
      }
    }
  }

  async add(viewer: Viewer, input: NewWatch, requestId?: string): Promise<Watch> {
    const { value, label } = await this.canonical(viewer, input);
    const at = this.d.clock.now();
    return this.d.database.transaction(async (tx) => {
      const row = await tx
        .insertInto('watchlists')
        .values({
          agency_id: viewer.agencyId,
          created_by: viewer.userId,
          kind: input.kind,
          value,
          label,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['agency_id', 'kind', 'value']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new ConflictError('Your agency already watches this.');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'intel.watch.added',
          objectType: 'watchlist',
          objectId: row.id,
          details: { kind: input.kind, value },
        },
      );
      return {
        id: row.id,
        kind: row.kind as Watch['kind'],
        value: row.value,
        label: row.label,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  async remove(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const r = await tx
        .deleteFrom('watchlists')
        .where('id', '=', id)
        .where('agency_id', '=', viewer.agencyId)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) throw new NotFoundError('watch');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'intel.watch.removed', objectType: 'watchlist', objectId: id },
      );
    });
  }

  inbox(viewer: Viewer, o: { unreadOnly: boolean; limit: number; offset: number }): Promise<Alert[]> {
    return this.alerts.list(this.d.database.db, viewer.agencyId, o);
  }

  unread(viewer: Viewer): Promise<number> {
    return this.alerts.unread(this.d.database.db, viewer.agencyId);
  }

  async markRead(viewer: Viewer, ids: string[] | 'all'): Promise<number> {
    return this.d.database.transaction((tx) => this.alerts.markRead(tx, viewer.agencyId, ids, this.d.clock.now()));
  }
}
