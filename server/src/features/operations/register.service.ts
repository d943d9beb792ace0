import type { NewRegisterEntry, RegisterEntry } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Deconfliction } from './deconfliction.ts';
import type { RegisterRow } from './operations.repository.ts';
import { iso, type OperationsDeps } from './operations.shared.ts';

/** An agency's deconfliction register: activity it declares outside any joint operation. */
export class RegisterService {
  constructor(
    private readonly d: OperationsDeps,
    private readonly deconfliction: Deconfliction,
  ) {}

  async entries(viewer: Viewer): Promise<RegisterEntry[]> {
    const rows = await this.d.database.db
      .selectFrom('deconfliction_register')
      .selectAll()
      .where('agency_id', '=', viewer.agencyId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toRegisterEntry);
  }

  async addRegisterEntry(viewer: Viewer, input: NewRegisterEntry, requestId?: string): Promise<RegisterEntry> {
    const id = await this.d.database.transaction(async (tx) => {
      const keys = await this.deconfliction.keysFor(tx, viewer, input);
      await this.deconfliction.lock(tx, keys.matchKeys);
      const r = await tx
        .insertInto('deconfliction_register')
        .values({
          agency_id: viewer.agencyId,
          label: keys.label,
          match_keys: keys.matchKeys,
          contact_point: input.contactPoint,
          created_by_user: viewer.userId,
          created_at: this.d.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Targets of other agencies' live operations meet the new entry.
      const conflicts = await this.deconfliction.deconflict(tx, {
        agencyId: viewer.agencyId,
        operationId: null,
        targetId: null,
        registerId: r.id,
        label: keys.label,
        contact: input.contactPoint,
        keys: keys.matchKeys,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'operations.register.added',
          objectType: 'deconfliction-entry',
          objectId: r.id,
          details: { conflicts },
        },
      );
      return r.id;
    });
    this.d.events.notify();
    return (await this.entries(viewer)).find((r) => r.id === id) as RegisterEntry;
  }

  async withdrawRegisterEntry(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const res = await tx
        .updateTable('deconfliction_register')
        .set({ active: false })
        .where('id', '=', id)
        .where('agency_id', '=', viewer.agencyId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new NotFoundError('register entry');
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'operations.register.withdrawn', objectType: 'deconfliction-entry', objectId: id },
      );
    });
  }
}

function toRegisterEntry(r: RegisterRow): RegisterEntry {
  return {
    id: r.id,
    agencyId: r.agency_id,
    label: r.label,
    matchKey: r.match_keys[0] ?? '',
    contactPoint: r.contact_point,
    active: r.active,
    createdAt: iso(r.created_at),
  };
}
