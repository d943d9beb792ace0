import type { MoTag } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError } from '../../platform/http/errors.ts';
import type { IntelDeps } from './reports.service.ts';

/** The controlled modus-operandi taxonomy; the hub extends it. */
export class TaxonomyService {
  constructor(private readonly d: IntelDeps) {}

  async list(): Promise<MoTag[]> {
    return this.d.database.db
      .selectFrom('mo_tags')
      .select(['code', 'label', 'category', 'description'])
      .orderBy('category')
      .orderBy('label')
      .execute() as Promise<MoTag[]>;
  }

  async add(viewer: Viewer, tag: MoTag, requestId?: string): Promise<MoTag> {
    return this.d.database.transaction(async (tx) => {
      const row = await tx
        .insertInto('mo_tags')
        .values({ ...tag, created_by_agency: viewer.agencyId })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(['code', 'label', 'category', 'description'])
        .executeTakeFirst();
      if (!row)
        throw new ConflictError(`The taxonomy already has "${tag.code}".`, [
          { field: 'code', message: 'already exists' },
        ]);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'intel.taxonomy.added', objectType: 'mo_tag', objectId: tag.code },
      );
      return row as MoTag;
    });
  }
}
