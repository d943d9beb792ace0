import type { Diffusion, NewDiffusion } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { type FieldError, NotFoundError } from '../../platform/http/errors.ts';
import { agencyInfos } from '../intel/agencies-lookup.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { toDiffusion } from './notices.mappers.ts';
import { NoticesRepository } from './notices.repository.ts';
import { fail, type NoticesDeps, reader, selectorKeys } from './notices.shared.ts';

/** Diffusions: a message sent directly to chosen agencies, without hub review. */
export class DiffusionsService {
  private readonly repo = new NoticesRepository();
  private readonly intel = new ReportsRepository();
  constructor(private readonly d: NoticesDeps) {}

  async diffuse(viewer: Viewer, input: NewDiffusion, requestId?: string): Promise<Diffusion> {
    const errors: FieldError[] = [];
    const db = this.d.database.db;
    const known = await agencyInfos(db, input.recipientAgencyIds);
    input.recipientAgencyIds.forEach((a, i) => {
      if (!known.has(a)) errors.push({ field: `recipientAgencyIds.${i}`, message: 'no such agency' });
      else if (a === viewer.agencyId) errors.push({ field: `recipientAgencyIds.${i}`, message: 'your own agency' });
    });
    const { keys, errors: selErrors } = selectorKeys(input.selectors ?? []);
    errors.push(...selErrors);
    const ids = input.entityIds ?? [];
    if (ids.length > 0) {
      const seen = new Set((await this.intel.visibleEntities(db, reader(viewer), ids)).map((e) => e.id));
      ids.forEach((id, i) => {
        if (!seen.has(id))
          errors.push({ field: `entityIds.${i}`, message: 'no such intelligence entity, or you may not see it' });
      });
    }
    if (errors.length > 0) fail(errors);
    const now = this.d.clock.now();
    const id = await this.d.database.transaction(async (tx) => {
      const r = await tx
        .insertInto('diffusions')
        .values({
          owner_agency_id: viewer.agencyId,
          type: input.type ?? null,
          title: input.title,
          body: input.body,
          recipient_agency_ids: input.recipientAgencyIds,
          entity_ids: ids,
          selector_keys: keys,
          created_by_user: viewer.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'notices.diffusion.sent',
          objectType: 'diffusion',
          objectId: r.id,
          details: { recipients: input.recipientAgencyIds },
        },
      );
      await emit(tx, {
        topic: 'notices.diffusion',
        data: { diffusionId: r.id, title: input.title },
        audience: { kind: 'agencies', agencyIds: input.recipientAgencyIds },
        occurredAt: now,
      });
      return r.id;
    });
    this.d.events.notify();
    return this.diffusion(viewer, id, { audit: false });
  }

  async diffusions(viewer: Viewer): Promise<Diffusion[]> {
    const rows = await this.repo.diffusions(this.d.database.db, viewer.agencyId);
    return rows.map(toDiffusion);
  }

  async diffusion(viewer: Viewer, id: string, o = { audit: true }): Promise<Diffusion> {
    const r = await this.repo.diffusion(this.d.database.db, viewer.agencyId, id);
    if (!r) throw new NotFoundError('diffusion');
    if (o.audit && r.owner_agency_id !== viewer.agencyId) {
      await this.d.database.transaction((tx) =>
        this.d.audit(tx, { viewer }, { action: 'notices.diffusion.read', objectType: 'diffusion', objectId: id }),
      );
    }
    return toDiffusion(r);
  }
}
