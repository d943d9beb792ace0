import { type Account, type AccountInput, type AccountTag, COMMUNITY_TAGS, type Marking } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { toColumns } from '../../platform/markings/columns.ts';
import { validateMarking } from '../../platform/markings/markings.ts';
import { canonicalAccount } from './accounts.ts';
import { FinanceRepository } from './finance.repository.ts';
import { type FinanceDeps, reader, toAccount } from './finance.shared.ts';

/** A Silver Notice (asset tracing of a person) drafted from accounts and wallets. */
export interface SilverNoticeInput {
  accountIds: string[];
  subject?: { name: string; nationalities: string[] };
}

/** Accounts and wallets: registration, listing, tags, and the Silver Notice drafted from them. */
export class AccountsService {
  private readonly repo = new FinanceRepository();
  constructor(private readonly d: FinanceDeps) {}

  /** Registers an account (or finds it) by its canonical key. */
  async resolveAccount(viewer: Viewer, input: AccountInput): Promise<Account> {
    const c = canonicalAccount(input);
    if (!c.ok) throw ValidationError.field(c.field, c.reason);
    const id = await this.d.database.transaction(async (tx) => {
      const ids = await this.repo.upsertAccounts(tx, [c.account], this.d.clock.now());
      return ids.get(c.account.key)!;
    });
    return this.account(viewer, id);
  }

  async account(viewer: Viewer, id: string): Promise<Account> {
    const db = this.d.database.db;
    const a = await this.repo.account(db, id);
    if (!a) throw new NotFoundError('account');
    return toAccount(a, await this.repo.tagsOf(db, reader(viewer), [a.id]));
  }

  /**
   * Drafts a Silver Notice (asset tracing of a person) through the notices feature, prefilled with
   * the accounts and wallets (from an account page or a trace). The draft belongs to the viewer's
   * agency; the person, if not given, is left for the officer to fill before submission.
   */
  async draftSilverNotice(viewer: Viewer, input: SilverNoticeInput, requestId?: string): Promise<{ noticeId: string }> {
    const notices = this.d.notices;
    if (!notices) throw new NotFoundError('notices feature');
    const db = this.d.database.db;
    const accounts: Account[] = [];
    for (const [i, id] of input.accountIds.entries()) {
      const a = await this.repo.account(db, id);
      if (!a) throw ValidationError.field(`accountIds.${i}`, 'unknown account');
      accounts.push(toAccount(a, []));
    }
    const lines = accounts.map((a) => {
      const where = [a.chain, a.bank, a.provider, a.country].filter(Boolean).join(', ');
      return `- ${a.type} ${a.display}${where ? ` (${where})` : ''} [${a.key}]`;
    });
    const jurisdictions = [...new Set(accounts.map((a) => a.country).filter((c): c is string => Boolean(c)))];
    const first = accounts[0] as Account;
    const draft = await notices.create(
      viewer,
      {
        type: 'silver',
        title:
          `Asset tracing: ${input.subject?.name ?? first.display}${accounts.length > 1 ? ` and ${accounts.length - 1} more` : ''}`.slice(
            0,
            300,
          ),
        summary: `Drafted from criminal finance (${accounts.length} account${accounts.length === 1 ? '' : 's'}).`,
        details: {
          ...(input.subject
            ? { subject: { name: input.subject.name, nationalities: input.subject.nationalities } }
            : {}),
          assetsSought: `Assets held or controlled through these accounts and wallets:\n${lines.join('\n')}`.slice(
            0,
            5000,
          ),
          ...(jurisdictions.length > 0 ? { jurisdictions } : {}),
        },
      },
      requestId,
    );
    await this.d.database.transaction((tx) =>
      this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: 'finance.silver-notice',
          objectType: 'notice',
          objectId: draft.id,
          details: { accountIds: input.accountIds },
        },
      ),
    );
    return { noticeId: draft.id };
  }

  async listAccounts(viewer: Viewer, o: { q?: string; limit: number; offset: number }): Promise<Account[]> {
    const db = this.d.database.db;
    const rows = await this.repo.listAccounts(db, reader(viewer), o);
    const tags = await this.repo.tagsOf(
      db,
      reader(viewer),
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAccount(r, tags));
  }

  /**
   * Tags an account for the viewer's agency, or untags it. The tag carries a marking (who may see
   * it); without one, cash-out tags (exchange, OTC desk, payment processor) are community
   * knowledge (TLP:GREEN, everyone) and suspicions (mule, collection) stay with the agency
   * (TLP:AMBER, its own agency only) until it chooses to share them.
   */
  async tag(
    viewer: Viewer,
    id: string,
    tag: AccountTag,
    note: string,
    o: { remove?: boolean; marking?: Marking } = {},
  ): Promise<Account> {
    const remove = o.remove ?? false;
    const marking = o.marking ?? defaultTagMarking(tag, viewer.agencyId);
    const issues = validateMarking(marking);
    if (issues.length > 0) throw new ValidationError(issues);
    await this.d.database.transaction(async (tx) => {
      const a = await this.repo.account(tx, id);
      if (!a) throw new NotFoundError('account');
      if (remove) {
        if (!(await this.repo.removeTag(tx, id, viewer.agencyId, tag))) throw new NotFoundError('tag');
      } else {
        await this.repo.addTag(tx, {
          account_id: id,
          agency_id: viewer.agencyId,
          tag,
          note,
          ...toColumns(marking),
          created_at: this.d.clock.now(),
        });
      }
      await this.d.audit(
        tx,
        { viewer },
        {
          action: remove ? 'finance.account.untagged' : 'finance.account.tagged',
          objectType: 'fin-account',
          objectId: id,
          details: remove ? { tag } : { tag, tlp: marking.tlp, audience: marking.audience.kind },
        },
      );
    });
    return this.account(viewer, id);
  }
}

/** The marking of a tag given without one (see `AccountsService.tag`). */
export function defaultTagMarking(tag: AccountTag, agencyId: string): Marking {
  return COMMUNITY_TAGS.includes(tag)
    ? { tlp: 'GREEN', pap: 'GREEN', reliability: 'B', credibility: '2', audience: { kind: 'all' } }
    : {
        tlp: 'AMBER',
        pap: 'AMBER',
        reliability: 'B',
        credibility: '2',
        audience: { kind: 'agencies', agencyIds: [agencyId] },
      };
}
