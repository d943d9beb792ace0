import type { NoticeStatus, NoticeSummary, NoticeType, PublicNoticeExtract, SelectorRef } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { ReportsRepository } from '../intel/reports.repository.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { toSummary } from './notices.mappers.ts';
import { NoticesRepository } from './notices.repository.ts';
import { isReviewer, type NoticesDeps, reader } from './notices.shared.ts';
import { checkPublicExtract } from './requirements.ts';

/** Finding notices: search, the hub's review queue, notices about an entity, public extracts. */
export class NoticeSearchService {
  private readonly repo = new NoticesRepository();
  private readonly intel = new ReportsRepository();
  constructor(private readonly d: Pick<NoticesDeps, 'database'>) {}

  list(
    viewer: Viewer,
    f: {
      type?: NoticeType;
      status?: NoticeStatus;
      q?: string;
      mine?: boolean;
      entityId?: string;
      selector?: SelectorRef;
      limit: number;
      offset: number;
    },
  ): Promise<NoticeSummary[]> {
    let selectorKey: string | undefined;
    if (f.selector) {
      const r = normaliseSelector(f.selector);
      if (!r.ok) throw ValidationError.field('selector', r.reason);
      selectorKey = r.selector.key;
    }
    return this.repo
      .search(this.d.database.db, viewer.agencyId, isReviewer(viewer), { ...f, selectorKey })
      .then((rows) => rows.map(toSummary));
  }

  reviewQueue(viewer: Viewer): Promise<NoticeSummary[]> {
    if (!isReviewer(viewer)) throw new ForbiddenError('Only hub reviewers see the review queue.');
    return this.repo
      .search(this.d.database.db, viewer.agencyId, true, {
        status: 'submitted',
        limit: 200,
        offset: 0,
        oldestFirst: true,
      })
      .then((rows) => rows.map(toSummary));
  }

  /** Notices about an intelligence entity the viewer can see: linked by id, or by its selector. */
  async aboutEntity(viewer: Viewer, entityId: string): Promise<NoticeSummary[]> {
    const db = this.d.database.db;
    const [e] = await this.intel.visibleEntities(db, reader(viewer), [entityId]);
    if (!e) throw new NotFoundError('intelligence entity');
    const rows = await this.repo.about(db, viewer.agencyId, isReviewer(viewer), entityId, e.key);
    return rows.map(toSummary);
  }

  async publicExtracts(): Promise<PublicNoticeExtract[]> {
    const rows = await this.repo.publicExtracts(this.d.database.db);
    return rows
      .filter((r) => checkPublicExtract(r.type as NoticeType, r.public_extract, r.details).length === 0)
      .map((r) => ({
        id: r.id,
        type: r.type as NoticeType,
        title: r.title,
        extract: r.public_extract ?? '',
        publishedAt: (r.published_at as Date).toISOString(),
      }));
  }
}
