import { createHash, randomBytes } from 'node:crypto';
import type {
  CheckResult,
  FollowUpStatus,
  JobCheckRequest,
  MessageCheckRequest,
  NewMissingRelative,
  NewScamReport,
  PublicReceipt,
} from '@cordon/contracts';
import type { Auditor } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { type FieldCipher, hashToken, newToken } from '../../platform/crypto/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import { emit } from '../../platform/events/outbox.ts';
import type { Notifier } from '../../platform/events/types.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { AwarenessRepository } from './awareness.repository.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { Checker } from './checker/checker.ts';
import { fieldCandidates, selectorCandidates } from './checker/extract.ts';
import { WarningList } from './warning-list.ts';

export interface AwarenessDeps {
  database: Database;
  clock: Clock;
  audit: Auditor;
  cipher: FieldCipher;
  events: Notifier;
}

/** Same content again within this window is a duplicate of the first report. */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600 * 1000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference people can read out on the phone: CRD-XXXX-XXXX (Crockford base32, 40 bits). */
export function newReference(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) s += CROCKFORD[(bytes[i] ?? 0) & 31];
  return `CRD-${s.slice(0, 4)}-${s.slice(4)}`;
}

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What the anonymous public may do: check an ad or a message, report a scam or a missing relative,
 * add to a report through its private link. No viewer: the caller is nobody in particular, and
 * nothing here records who (no address, no cookie).
 */
export class PublicService {
  readonly repo = new AwarenessRepository();
  readonly checker: Checker;
  /** Selectors published as TLP:CLEAR, in memory: a check makes no database query. */
  readonly warningList: WarningList;
  constructor(
    private readonly d: AwarenessDeps,
    private readonly campaigns: CampaignsService,
  ) {
    this.warningList = new WarningList({ load: () => this.repo.warningListKeys(d.database.db) });
    this.checker = new Checker((keys) => this.warningList.listed(keys));
  }

  async checkJob(input: JobCheckRequest): Promise<CheckResult> {
    const text = [input.text, input.company ?? ''].join('\n');
    const candidates = [
      ...fieldCandidates({ link: input.link, phone: input.phone, handle: input.handle }, input.country),
      ...selectorCandidates(input.text, input.country),
    ];
    const result = await this.checker.checkJob(text, candidates);
    if (input.campaign) await this.campaigns.record(input.campaign, 'check', input.country);
    return result;
  }

  async checkMessage(input: MessageCheckRequest): Promise<CheckResult> {
    const candidates = [
      ...fieldCandidates({ sender: input.sender }, input.country),
      ...selectorCandidates(input.text, input.country),
    ];
    const result = await this.checker.checkMessage(input.text, candidates);
    if (input.campaign) await this.campaigns.record(input.campaign, 'check', input.country);
    return result;
  }

  async reportScam(input: NewScamReport, requestId?: string): Promise<PublicReceipt> {
    const selectors = (input.selectors ?? []).map((s) => {
      const r = normaliseSelector({
        kind: s.kind,
        value: s.value,
        country: input.country,
        ...(s.platform ? { platform: s.platform } : {}),
      });
      return r.ok
        ? {
            kind: s.kind,
            value: s.value,
            platform: s.platform ?? null,
            key: r.selector.key,
            display: r.selector.display,
          }
        : { kind: s.kind, value: s.value, platform: s.platform ?? null, key: null, display: s.value };
    });
    const details = {
      channel: input.channel,
      scamType: input.scamType,
      whatHappened: input.whatHappened,
      selectors,
      amountsLost: input.amountsLost ?? [],
    };
    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          'scam',
          input.country,
          squash(input.whatHappened),
          selectors.map((s) => s.key ?? squash(s.value)).sort(),
        ]),
      )
      .digest('hex');
    const receipt = await this.intake('scam', input.country, input.lang ?? 'en', details, input.contact ?? null, hash, {
      selectorKeys: selectors.map((s) => s.key).filter((k): k is string => k !== null),
      campaign: input.campaign ?? null,
      requestId,
    });
    if (input.campaign) await this.campaigns.record(input.campaign, 'report', input.country);
    return receipt;
  }

  async reportMissingRelative(input: NewMissingRelative, requestId?: string): Promise<PublicReceipt> {
    const details = {
      relativeName: input.relativeName,
      relativeAge: input.relativeAge ?? null,
      lastKnownPlace: input.lastKnownPlace,
      lastContactOn: input.lastContactOn ?? null,
      relation: input.relation ?? null,
      circumstances: input.circumstances,
    };
    const hash = createHash('sha256')
      .update(
        JSON.stringify(['missing-relative', input.country, squash(input.relativeName), squash(input.circumstances)]),
      )
      .digest('hex');
    return this.intake('missing-relative', input.country, input.lang ?? 'en', details, input.contact, hash, {
      selectorKeys: [],
      campaign: null,
      requestId,
    });
  }

  /** A plausible receipt for a submission the honeypot caught: nothing is stored. */
  decoyReceipt(): PublicReceipt {
    return { reference: newReference(), token: newToken('prt') };
  }

  private async intake(
    kind: 'scam' | 'missing-relative',
    country: string,
    lang: string,
    details: Record<string, unknown>,
    contact: string | null,
    contentHash: string,
    o: { selectorKeys: string[]; campaign: string | null; requestId?: string | undefined },
  ): Promise<PublicReceipt> {
    const { database, clock, cipher } = this.d;
    const at = clock.now();
    const token = newToken('prt');
    const reference = newReference();
    await database.transaction(async (tx) => {
      const agency = await this.repo.triageAgency(tx, country);
      if (!agency) throw new Error('no agency can receive public reports (no hub agency configured)');
      const first = await this.repo.firstWithContent(tx, contentHash, new Date(at.getTime() - DUPLICATE_WINDOW_MS));
      const row = await this.repo.insertReport(tx, {
        reference,
        kind,
        agency_id: agency.id,
        country,
        lang,
        details_enc: cipher.encrypt(JSON.stringify(details)),
        contact_enc: contact ? cipher.encrypt(contact) : null,
        selector_keys: o.selectorKeys,
        content_hash: contentHash,
        duplicate_of: first?.id ?? null,
        token_hash: hashToken(token),
        campaign: o.campaign,
        created_at: at,
      });
      if (!first) {
        await emit(tx, {
          topic: 'awareness.triage.created',
          data: { id: row.id, reference, kind, country },
          audience: { kind: 'agencies', agencyIds: [agency.id] },
          occurredAt: at,
        });
      }
      await this.d.audit(
        tx,
        { viewer: null, requestId: o.requestId ?? null },
        {
          action: `awareness.${kind}.reported`,
          objectType: 'public_report',
          objectId: row.id,
          details: { reference, duplicate: !!first },
        },
      );
    });
    this.d.events.notify();
    return { reference, token };
  }

  private async authorised(reference: string, token: string) {
    const row = await this.repo.byReference(this.d.database.db, reference);
    // One answer for an unknown reference and a wrong token: the link is the only key.
    if (!row || row.token_hash !== hashToken(token)) throw new NotFoundError('report');
    return row;
  }

  async status(reference: string, token: string): Promise<FollowUpStatus> {
    const row = await this.authorised(reference, token);
    return {
      reference,
      status: row.status as FollowUpStatus['status'],
      additions: await this.repo.countAdditions(this.d.database.db, row.id),
      receivedAt: row.created_at.toISOString(),
    };
  }

  async addInformation(reference: string, token: string, text: string, requestId?: string): Promise<FollowUpStatus> {
    const row = await this.authorised(reference, token);
    const at = this.d.clock.now();
    await this.d.database.transaction(async (tx) => {
      await this.repo.addAddition(tx, row.id, this.d.cipher.encrypt(text), at);
      await emit(tx, {
        topic: 'awareness.triage.updated',
        data: { id: row.duplicate_of ?? row.id, reference },
        audience: { kind: 'agencies', agencyIds: [row.agency_id] },
        occurredAt: at,
      });
      await this.d.audit(
        tx,
        { viewer: null, requestId: requestId ?? null },
        { action: 'awareness.report.added-to', objectType: 'public_report', objectId: row.id },
      );
    });
    this.d.events.notify();
    return this.status(reference, token);
  }
}
