import type { Viewer } from '../../platform/auth/viewer.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { RescueDeps } from './case-access.ts';
import type { CaseReader } from './case-reader.ts';
import type { RescueRepository } from './rescue.repository.ts';

const NOTICE_SEX = { female: 'F', male: 'M', other: 'X' } as const;

/** Links to the notices feature: a case person becomes a draft Yellow Notice. */
export class NoticeLinksService {
  constructor(
    private readonly d: Pick<RescueDeps, 'database' | 'clock' | 'audit' | 'notices'>,
    private readonly repo: RescueRepository,
    private readonly reader: CaseReader,
  ) {}

  /**
   * Drafts a Yellow Notice (missing person) from a person of the case, through the notices feature.
   * The person must be one the viewer's party may see (case team rules of `get`); the personal data
   * goes only into the draft of the viewer's agency, which notices show to that agency alone until
   * submission. The case timeline records the draft's id, never the person's data.
   */
  async draftYellowNotice(
    viewer: Viewer,
    caseId: string,
    personId: string,
    opts: { requestId?: string } = {},
  ): Promise<{ noticeId: string }> {
    const notices = this.d.notices;
    if (!notices) throw new NotFoundError('notices feature');
    const c = await this.reader.get(viewer, caseId, opts);
    const person = c.visiblePersons.find((p) => p.id === personId);
    if (!person) throw new NotFoundError('person');
    const place =
      [c.location?.scamCentre?.label, c.location?.area, c.location?.description].filter(Boolean).join(' — ') ||
      undefined;
    const facts = [
      person.age !== null && !person.dateOfBirth ? `age ${person.age}` : '',
      person.minor ? 'minor' : '',
      person.languages.length > 0 ? `speaks ${person.languages.join(', ')}` : '',
      person.description,
    ].filter(Boolean);
    const sex = person.gender === 'unknown' ? undefined : NOTICE_SEX[person.gender];
    const subject = {
      name: person.name,
      ...(person.aliases.length > 0 ? { aliases: person.aliases } : {}),
      // Notices take full dates only; a year or a month stays in the description.
      ...(person.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)
        ? { dateOfBirth: person.dateOfBirth }
        : {}),
      ...(person.dateOfBirth && !/^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)
        ? { description: [`born ${person.dateOfBirth}`, ...facts].join('; ').slice(0, 2000) }
        : facts.length > 0
          ? { description: facts.join('; ').slice(0, 2000) }
          : {}),
      ...(sex ? { sex } : {}),
      nationalities: [person.nationality],
    };
    const draft = await notices.create(
      viewer,
      {
        type: 'yellow',
        title: `Missing person: ${person.name}`.slice(0, 300),
        summary: `Drafted from rescue case ${c.ref}.`,
        details: {
          subject,
          missingSince: c.createdAt.slice(0, 10),
          ...(place && place.length >= 3 ? { lastSeenPlace: place.slice(0, 500) } : {}),
          circumstances: `Reported to the rescue protocol (case ${c.ref}, stage ${c.stage}) as a possible victim of a scam centre.`,
          // The family's consent to a public extract is asked for, never assumed.
          familyConsent: false,
        },
        ...(c.location?.scamCentre ? { entityIds: [c.location.scamCentre.id] } : {}),
      },
      opts.requestId,
    );
    const now = this.d.clock.now();
    await this.d.database.transaction(async (tx) => {
      await this.repo.addTimeline(tx, {
        case_id: caseId,
        at: now,
        kind: 'notice',
        summary: 'A Yellow Notice draft was started for a person of the case',
        actor_agency_id: viewer.agencyId,
        actor_user_id: viewer.userId,
        data: { noticeId: draft.id, personId },
      });
      await this.d.audit(
        tx,
        { viewer, requestId: opts.requestId ?? null },
        {
          action: 'rescue.person.yellow-notice',
          objectType: 'rescue-person',
          objectId: personId,
          details: { caseId, noticeId: draft.id },
        },
      );
    });
    return { noticeId: draft.id };
  }
}
