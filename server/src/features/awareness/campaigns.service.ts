import type { Campaign, NewCampaign, PublicCampaign, ReachRow, Role } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { AwarenessRepository } from './awareness.repository.ts';
import type { CampaignsTable } from './awareness.tables.ts';
import type { AwarenessDeps } from './public.service.ts';

export const CAMPAIGN_ROLES: Role[] = ['supervisor', 'analyst', 'case-worker', 'agency-admin'];

type Row = Omit<CampaignsTable, 'id'> & { id: string };
type Messages = Record<string, { title: string; body: string }>;

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

/** Awareness campaigns and their reach, counted in aggregate only (campaign × day × country × kind). */
export class CampaignsService {
  readonly repo = new AwarenessRepository();
  constructor(private readonly d: Pick<AwarenessDeps, 'database' | 'clock' | 'audit'>) {}

  private today(): string {
    return this.d.clock.now().toISOString().slice(0, 10);
  }

  private async toCampaign(row: Row): Promise<Campaign> {
    const totals = { view: 0, click: 0, check: 0, report: 0 };
    for (const r of await this.repo.reach(this.d.database.db, [row.id]))
      totals[r.kind as keyof typeof totals] += r.count;
    return {
      id: row.id,
      agencyId: row.agency_id,
      code: row.code,
      name: row.name,
      messages: row.messages as Messages,
      targetCountries: row.target_countries,
      ageGroups: row.age_groups,
      channels: row.channels,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      totals,
      createdAt: row.created_at.toISOString(),
    };
  }

  async create(viewer: Viewer, input: NewCampaign, requestId?: string): Promise<Campaign> {
    if (input.endsOn < input.startsOn)
      throw new ValidationError([{ field: 'endsOn', message: 'ends before it starts' }]);
    if (Object.keys(input.messages).length === 0) {
      throw new ValidationError([{ field: 'messages', message: 'give the message in at least one language' }]);
    }
    const row = await this.d.database
      .transaction(async (tx) => {
        const r = await this.repo.insertCampaign(tx, {
          agency_id: viewer.agencyId,
          code: input.code,
          name: input.name,
          messages: JSON.stringify(input.messages),
          target_countries: input.targetCountries,
          age_groups: input.ageGroups ?? [],
          channels: input.channels ?? [],
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          created_by: viewer.userId,
          created_at: this.d.clock.now(),
        });
        await this.d.audit(
          tx,
          { viewer, requestId: requestId ?? null },
          {
            action: 'awareness.campaign.created',
            objectType: 'campaign',
            objectId: r.id,
            details: { code: input.code },
          },
        );
        return r;
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e))
          throw new ConflictError(`The campaign code "${input.code}" is taken.`, [{ field: 'code', message: 'taken' }]);
        throw e;
      });
    return this.toCampaign(row);
  }

  async list(viewer: Viewer): Promise<Campaign[]> {
    const rows = await this.repo.campaignsOf(this.d.database.db, viewer.agencyId);
    return Promise.all(rows.map((r) => this.toCampaign(r)));
  }

  async reach(viewer: Viewer, id: string): Promise<ReachRow[]> {
    const row = await this.repo.campaignById(this.d.database.db, id);
    if (!row || row.agency_id !== viewer.agencyId) throw new NotFoundError('campaign');
    return (await this.repo.reach(this.d.database.db, [id])).map((r) => ({
      day: r.day,
      country: r.country,
      kind: r.kind as ReachRow['kind'],
      count: r.count,
    }));
  }

  /** Active campaigns for a visitor: in their language (else English), aimed at their country if given. */
  async active(lang: string, country?: string): Promise<PublicCampaign[]> {
    const rows = await this.repo.activeCampaigns(this.d.database.db, this.today());
    const out: PublicCampaign[] = [];
    for (const r of rows) {
      if (country && !r.target_countries.includes(country)) continue;
      const messages = r.messages as Messages;
      const chosen = messages[lang] ? lang : messages.en ? 'en' : null;
      const m = chosen ? messages[chosen] : undefined;
      if (chosen && m) out.push({ code: r.code, lang: chosen, title: m.title, body: m.body });
    }
    return out;
  }

  /** Counts one view, click, check or report for a campaign code; unknown codes are ignored. */
  async record(code: string, kind: 'view' | 'click' | 'check' | 'report', country?: string): Promise<void> {
    const row = await this.repo.campaignByCode(this.d.database.db, code);
    if (!row) return;
    await this.repo.bumpReach(this.d.database.db, row.id, this.today(), country ?? 'ZZ', kind);
  }
}
