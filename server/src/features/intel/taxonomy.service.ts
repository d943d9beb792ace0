import type { MoTag } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, ValidationError } from '../../platform/http/errors.ts';
import type { IntelDeps } from './reports.service.ts';

type Row = { code: string; label: string; category: string; description: string; labels: unknown };
const toTag = (r: Row): MoTag => ({
  code: r.code,
  label: r.label,
  category: r.category as MoTag['category'],
  description: r.description,
  labels: (r.labels ?? {}) as NonNullable<MoTag['labels']>,
});

/** The controlled modus-operandi taxonomy; the hub extends it. */
export class TaxonomyService {
  constructor(private readonly d: IntelDeps) {}

  async list(): Promise<MoTag[]> {
    const rows = await this.d.database.db
      .selectFrom('mo_tags')
      .select(['code', 'label', 'category', 'description', 'labels'])
      .orderBy('category')
      .orderBy('label')
      .execute();
    return rows.map(toTag);
  }

  async add(viewer: Viewer, tag: MoTag, requestId?: string): Promise<MoTag> {
    const label = tag.label.trim();
    const labels = Object.fromEntries(
      Object.entries(tag.labels ?? {})
        .map(([lang, l]) => [lang, (l ?? '').trim()])
        .filter(([, l]) => l !== ''),
    );
    const errors = [
      ...(label.length < 2 ? [{ field: 'label', message: 'must have at least 2 characters' }] : []),
      ...Object.entries(tag.labels ?? {})
        .filter(([lang]) => !labels[lang])
        .map(([lang]) => ({ field: `labels.${lang}`, message: 'must not be blank' })),
    ];
    if (errors.length > 0) throw new ValidationError(errors, 'The tag is not valid.');
    return this.d.database.transaction(async (tx) => {
      const row = await tx
        .insertInto('mo_tags')
        .values({
          code: tag.code,
          label,
          category: tag.category,
          description: tag.description.trim(),
          labels: JSON.stringify(labels),
          created_by_agency: viewer.agencyId,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(['code', 'label', 'category', 'description', 'labels'])
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
      return toTag(row);
    });
  }
}
