import type { Campaign, CampaignChanges, NewCampaign, PublicCampaign, ReachRow, Role } from '@cordon/contracts';
import type { Selectable } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { Tx } from '../../platform/db/database.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { AwarenessRepository } from './awareness.repository.ts';
import type { CampaignsTable } from './awareness.tables.ts';
import type { AwarenessDeps } from './public.service.ts';

export const CAMPAIGN_ROLES: Role[] = ['supervisor', 'analyst', 'case-worker', 'agency-admin'];

type Row = Selectable<CampaignsTable>;
type Messages = Record<string, { title: string; body: string }>;

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

/** Awareness campaigns and their reach, counted in aggregate only (campaign × day × country × kind). */
export class CampaignsService {
  readonly repo = new AwarenessRepository();
  constructor(private readonly d: Pick<AwarenessDeps, 'database' | 'clock' | 'audit'>) {}

  private today(): string {
    return this.d.clock.now().toISOString().slice(0, 10);
  }

  /** scheduled before its start, active until its end date (or until ended early), then ended. */
  private status(row: Row): Campaign['status'] {
    const today = this.today();
    if (row.ended_at || row.ends_on < today) return 'ended';
    return row.starts_on > today ? 'scheduled' : 'active';
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
      status: this.status(row),
      endedAt: row.ended_at ? row.ended_at.toISOString() : null,
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

  /** The viewer's agency's campaign, locked for a change; another agency's is not found. */
  private async own(tx: Tx, viewer: Viewer, id: string): Promise<Row> {
    const row = await this.repo.campaignById(tx, id, true);
    if (!row || row.agency_id !== viewer.agencyId) throw new NotFoundError('campaign');
    return row;
  }

  /**
   * Edits a campaign that has not ended. The code never changes (printed links carry it); once
   * the campaign has started its start date stays, and its end date cannot be moved into the past
   * (ending it is `end`).
   */
  async update(viewer: Viewer, id: string, changes: CampaignChanges, requestId?: string): Promise<Campaign> {
    const today = this.today();
    const row = await this.d.database.transaction(async (tx) => {
      const before = await this.own(tx, viewer, id);
      const status = this.status(before);
      if (status === 'ended') throw new ConflictError('This campaign has ended: it can no longer be edited.');
      const startsOn = changes.startsOn ?? before.starts_on;
      const endsOn = changes.endsOn ?? before.ends_on;
      const errors: FieldError[] = [];
      if (status === 'active' && startsOn !== before.starts_on)
        errors.push({ field: 'startsOn', message: 'the campaign has started: its start date stays' });
      if (status === 'scheduled' && changes.startsOn !== undefined && startsOn < today)
        errors.push({ field: 'startsOn', message: 'cannot start in the past' });
      if (endsOn < startsOn) errors.push({ field: 'endsOn', message: 'ends before it starts' });
      else if (changes.endsOn !== undefined && endsOn < today)
        errors.push({ field: 'endsOn', message: 'cannot end in the past (end the campaign instead)' });
      if (changes.messages && Object.keys(changes.messages).length === 0)
        errors.push({ field: 'messages', message: 'give the message in at least one language' });
      if (errors.length > 0) throw new ValidationError(errors);
      const r = await this.repo.updateCampaign(tx, id, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.messages !== undefined ? { messages: JSON.stringify(changes.messages) } : {}),
        ...(changes.targetCountries !== undefined ? { target_countries: changes.targetCountries } : {}),
        ...(changes.ageGroups !== undefined ? { age_groups: changes.ageGroups } : {}),
        ...(changes.channels !== undefined ? { channels: changes.channels } : {}),
        starts_on: startsOn,
        ends_on: endsOn,
        updated_at: this.d.clock.now(),
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'awareness.campaign.updated',
          objectType: 'campaign',
          objectId: id,
          details: { code: before.code, fields: Object.keys(changes).sort() },
        },
      );
      return r;
    });
    return this.toCampaign(row);
  }

  /** Ends a scheduled or active campaign now: the portal stops showing it; its reach stays. */
  async end(viewer: Viewer, id: string, requestId?: string): Promise<Campaign> {
    const row = await this.d.database.transaction(async (tx) => {
      const before = await this.own(tx, viewer, id);
      if (this.status(before) === 'ended') throw new ConflictError('This campaign has already ended.');
      const r = await this.repo.updateCampaign(tx, id, { ended_at: this.d.clock.now(), ended_by: viewer.userId });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'awareness.campaign.ended', objectType: 'campaign', objectId: id, details: { code: before.code } },
      );
      return r;
    });
    return this.toCampaign(row);
  }

  /**
   * Deletes a campaign nothing was ever counted for (a mistake, a draft). One with recorded
   * reach is part of the record of what the agency did and is ended instead.
   */
  async remove(viewer: Viewer, id: string, requestId?: string): Promise<void> {
    await this.d.database.transaction(async (tx) => {
      const before = await this.own(tx, viewer, id);
      if (await this.repo.campaignHasReach(tx, id, before.code))
        throw new ConflictError('This campaign has recorded reach: end it instead of deleting it.');
      await this.repo.deleteCampaign(tx, id);
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        { action: 'awareness.campaign.deleted', objectType: 'campaign', objectId: id, details: { code: before.code } },
      );
    });
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
