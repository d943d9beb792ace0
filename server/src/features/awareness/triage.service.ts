import type { Role, TriageDecision, TriageItem } from '@cordon/contracts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { hasRole } from '../../platform/auth/viewer.ts';
import { emit } from '../../platform/events/outbox.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { COUNTRIES } from '../agencies/countries.ts';
import type { ReportsService } from '../intel/reports.service.ts';
import type { RescueFeature } from '../rescue/index.ts';
import { AwarenessRepository } from './awareness.repository.ts';
import type { AwarenessDeps } from './public.service.ts';

/** Who triages public reports: intelligence officers, and case workers (missing relatives). */
export const TRIAGE_ROLES: Role[] = ['analyst', 'investigator', 'supervisor', 'case-worker'];
/** Verifying a scam report turns it into intelligence: only those who may submit intelligence. */
const SCAM_VERIFIERS: Role[] = ['analyst', 'investigator', 'supervisor'];
/** Verifying a missing relative opens a rescue case: only those who work rescue cases. */
const MISSING_VERIFIERS: Role[] = ['investigator', 'supervisor', 'case-worker'];
/** The rescue service, where the rescue area exists: a verified missing relative opens a case. */
export type RescueOpener = Pick<RescueFeature['cases'], 'open'>;

interface MissingDetails {
  relativeName: string;
  relativeAge: number | null;
  lastKnownPlace: string;
  lastContactOn: string | null;
  relation?: string | null;
  circumstances: string;
}

interface ScamDetails {
  channel: string;
  scamType: string;
  whatHappened: string;
  selectors: { kind: string; value: string; platform: string | null; key: string | null }[];
  amountsLost: { amount: string; currency: string }[];
}

/** The triage queue of an agency: public reports of its country, verified or rejected by its officers. */
export class TriageService {
  readonly repo = new AwarenessRepository();
  constructor(
    private readonly d: AwarenessDeps,
    private readonly intel: Pick<ReportsService, 'submit'>,
    private readonly rescue?: RescueOpener,
  ) {}

  async list(
    viewer: Viewer,
    filter: { status?: string; kind?: string; limit: number; offset: number },
    requestId?: string,
  ): Promise<TriageItem[]> {
    const { database, cipher } = this.d;
    const rows = await this.repo.queue(database.db, viewer.agencyId, filter);
    const additions = await this.repo.additionsOf(
      database.db,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind as TriageItem['kind'],
      status: r.status as TriageItem['status'],
      country: r.country,
      lang: r.lang,
      details: JSON.parse(cipher.decrypt(r.details_enc)) as Record<string, unknown>,
      contact: r.contact_enc ? cipher.decrypt(r.contact_enc) : null,
      additions: additions
        .filter((a) => a.report_id === r.id)
        .map((a) => ({ text: cipher.decrypt(a.text_enc), at: a.created_at.toISOString() })),
      duplicates: Number(r.duplicates ?? 0),
      intelReportId: r.intel_report_id,
      rescueCaseId: r.rescue_case_id ?? null,
      decisionNote: r.decision_note,
      createdAt: r.created_at.toISOString(),
    }));
    // Reading reporters' words and contact details is a read of personal data: audited.
    if (items.length > 0) {
      await database.transaction((tx) =>
        this.d.audit(
          tx,
          { viewer, requestId: requestId ?? null },
          {
            action: 'awareness.triage.read',
            objectType: 'public_report',
            objectId: null,
            details: { ids: items.map((i) => i.id) },
          },
        ),
      );
    }
    return items;
  }

  async decide(viewer: Viewer, id: string, input: TriageDecision, requestId?: string): Promise<TriageItem> {
    const { database, clock, cipher } = this.d;
    const row = await this.repo.byId(database.db, id);
    if (!row || row.agency_id !== viewer.agencyId) throw new NotFoundError('triage item');
    if (row.status !== 'new') throw new ConflictError(`This report was already ${row.status}.`);
    let intelReportId: string | null = null;
    if (input.decision === 'verify' && row.kind === 'scam') {
      if (!hasRole(viewer, ...SCAM_VERIFIERS)) {
        throw new ForbiddenError(
          'Verifying a scam report creates intelligence: it needs an analyst, investigator or supervisor.',
        );
      }
      const details = JSON.parse(cipher.decrypt(row.details_enc)) as ScamDetails;
      const lost = details.amountsLost.map((m) => `${m.amount} ${m.currency}`).join(', ');
      const report = await this.intel.submit(
        viewer,
        {
          title: `Public scam report ${row.reference} (${details.scamType}, ${details.channel})`,
          summary: `${details.whatHappened}${lost ? `\n\nAmounts lost: ${lost}` : ''}${input.note ? `\n\nOfficer note: ${input.note}` : ''}`,
          // Shared with the own agency only: the officer widens it in intelligence if needed.
          marking: {
            tlp: 'AMBER',
            audience: { kind: 'agencies', agencyIds: [viewer.agencyId] },
            pap: 'AMBER',
            reliability: 'F',
            credibility: '3',
          },
          moTags: [],
          selectors: details.selectors
            .filter((s) => s.key !== null)
            .map((s, i) => ({
              ref: `s${i + 1}`,
              kind: s.kind as never,
              value: s.value,
              country: row.country,
              ...(s.platform ? { platform: s.platform as never } : {}),
            })),
          sourceRef: `public-report:${row.reference}`,
        },
        { ...(requestId ? { requestId } : {}) },
      );
      intelReportId = report.id;
    }
    let rescueCaseId: string | null = null;
    if (input.decision === 'verify' && row.kind === 'missing-relative' && this.rescue) {
      if (!hasRole(viewer, ...MISSING_VERIFIERS)) {
        throw new ForbiddenError(
          'Verifying a missing relative opens a rescue case: it needs an investigator, supervisor or case worker.',
        );
      }
      if (input.hostCountry && !COUNTRIES.has(input.hostCountry))
        throw ValidationError.field('hostCountry', 'unknown country code');
      const details = JSON.parse(cipher.decrypt(row.details_enc)) as MissingDetails;
      const contact = row.contact_enc ? cipher.decrypt(row.contact_enc) : undefined;
      const place = details.lastKnownPlace.slice(0, 2000);
      const kase = await this.rescue.open(
        viewer,
        {
          // Not personal: the portal reference only.
          title: `Public report ${row.reference}`,
          hostCountry: input.hostCountry ?? row.country,
          persons: [
            {
              name: details.relativeName.slice(0, 200),
              // The portal routes a report to the reporter's country, taken as the relative's nationality.
              nationality: row.country,
              ...(details.relativeAge !== null ? { age: details.relativeAge } : {}),
              description: [details.lastContactOn ? `last contact ${details.lastContactOn}` : '', details.circumstances]
                .filter(Boolean)
                .join('\n')
                .slice(0, 2000),
            },
          ],
          location: { description: place },
          reporter: {
            channel: 'public',
            relation: (details.relation ?? 'relative').slice(0, 100),
            ...(contact ? { contact: contact.slice(0, 200) } : {}),
          },
          // The reporter left a contact on the portal so as to be contacted back.
          consentToContact: Boolean(contact),
        },
        { ...(requestId ? { requestId } : {}) },
      );
      rescueCaseId = kase.id;
    }
    const at = clock.now();
    await database.transaction(async (tx) => {
      const done = await this.repo.decide(tx, id, {
        status: input.decision === 'verify' ? 'verified' : 'rejected',
        by: viewer.userId,
        at,
        note: input.note ?? null,
        intelReportId,
        rescueCaseId,
      });
      if (!done) throw new ConflictError('This report was decided meanwhile.');
      await emit(tx, {
        topic: 'awareness.triage.decided',
        data: { id, reference: row.reference, decision: input.decision, intelReportId, rescueCaseId },
        audience: { kind: 'agencies', agencyIds: [viewer.agencyId] },
        occurredAt: at,
      });
      await this.d.audit(
        tx,
        { viewer, requestId: requestId ?? null },
        {
          action: `awareness.triage.${input.decision}`,
          objectType: 'public_report',
          objectId: id,
          details: { intelReportId, rescueCaseId },
        },
      );
    });
    this.d.events.notify();
    const [item] = (await this.list(viewer, { limit: 200, offset: 0 })).filter((i) => i.id === id);
    if (!item) throw new NotFoundError('triage item');
    return item;
  }
}
