import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { HANDLE_PLATFORMS, SELECTOR_KINDS } from './intel.ts';

/** Languages the public portal speaks (BCP 47). */
export const PORTAL_LANGUAGES = ['en', 'id', 'vi', 'th', 'fil', 'zh-Hans', 'hi'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];
export const CHECK_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const SCAM_CHANNELS = [
  'sms',
  'phone-call',
  'messaging-app',
  'social-media',
  'job-site',
  'dating',
  'email',
  'in-person',
  'other',
] as const;
export const SCAM_TYPES = [
  'fake-job',
  'investment-crypto',
  'romance',
  'impersonation',
  'loan-or-prize',
  'shopping',
  'other',
] as const;
export const TRIAGE_KINDS = ['scam', 'missing-relative'] as const;
export const TRIAGE_STATUSES = ['new', 'verified', 'rejected'] as const;
export const DIRECTORY_KINDS = ['hotline', 'shelter', 'embassy', 'ngo', 'reporting-point'] as const;
export const REACH_KINDS = ['view', 'click', 'check', 'report'] as const;
/** scheduled: before its start; active: shown on the portal; ended: past its end, or ended early. */
export const CAMPAIGN_STATUSES = ['scheduled', 'active', 'ended'] as const;

const Lang = Type.Optional(Type.Enum(PORTAL_LANGUAGES));
const CampaignCode = Type.String({ pattern: '^[a-z0-9-]{3,40}$' });
/** Honeypot: a field people never see (hidden with CSS); bots fill it in. Must stay empty. */
const Honeypot = Type.Optional(Type.String({ maxLength: 500 }));

export const JobCheckRequest = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 20_000, description: 'the ad or the recruiter message' }),
    link: Type.Optional(Type.String({ maxLength: 500 })),
    phone: Type.Optional(Type.String({ maxLength: 60 })),
    handle: Type.Optional(Type.String({ maxLength: 120 })),
    company: Type.Optional(Type.String({ maxLength: 200 })),
    country: Type.Optional(CountryCode),
    campaign: Type.Optional(CampaignCode),
  },
  { additionalProperties: false },
);
export type JobCheckRequest = Static<typeof JobCheckRequest>;

export const MessageCheckRequest = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5_000 }),
    sender: Type.Optional(Type.String({ maxLength: 120, description: 'phone number, handle or address it came from' })),
    country: Type.Optional(CountryCode),
    campaign: Type.Optional(CampaignCode),
  },
  { additionalProperties: false },
);
export type MessageCheckRequest = Static<typeof MessageCheckRequest>;

export const CheckReason = Type.Object(
  {
    code: Type.String({ description: 'stable code; the portal shows it in the visitor’s language' }),
    severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('info')]),
    evidence: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type CheckReason = Static<typeof CheckReason>;

export const CheckResult = Type.Object(
  {
    risk: Type.Enum(CHECK_RISK_LEVELS),
    modelScore: Type.Number({ minimum: 0, maximum: 1 }),
    reasons: Type.Array(CheckReason),
  },
  { additionalProperties: false },
);
export type CheckResult = Static<typeof CheckResult>;

export const ReportedSelector = Type.Object(
  {
    kind: Type.Enum(SELECTOR_KINDS),
    value: Type.String({ minLength: 1, maxLength: 300 }),
    platform: Type.Optional(Type.Enum(HANDLE_PLATFORMS)),
  },
  { additionalProperties: false },
);
export const Money = Type.Object(
  {
    amount: Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description: 'decimal, exact' }),
    currency: Type.String({ pattern: '^[A-Z]{3,5}$' }),
  },
  { additionalProperties: false },
);

export const NewScamReport = Type.Object(
  {
    country: CountryCode,
    channel: Type.Enum(SCAM_CHANNELS),
    scamType: Type.Enum(SCAM_TYPES),
    whatHappened: Type.String({ minLength: 10, maxLength: 5_000 }),
    selectors: Type.Array(ReportedSelector, { maxItems: 20, default: [] }),
    amountsLost: Type.Array(Money, { maxItems: 10, default: [] }),
    contact: Type.Optional(Type.String({ maxLength: 300, description: 'how an officer may reach the reporter' })),
    lang: Lang,
    campaign: Type.Optional(CampaignCode),
    website: Honeypot,
  },
  { additionalProperties: false },
);
export type NewScamReport = Static<typeof NewScamReport>;

export const NewMissingRelative = Type.Object(
  {
    country: CountryCode,
    relativeName: Type.String({ minLength: 2, maxLength: 200 }),
    relativeAge: Type.Optional(Type.Integer({ minimum: 10, maximum: 100 })),
    lastKnownPlace: Type.String({ minLength: 2, maxLength: 300 }),
    lastContactOn: Type.Optional(Type.String({ format: 'date' })),
    /** the reporter's relation to the missing person (e.g. "mother") */
    relation: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    circumstances: Type.String({ minLength: 10, maxLength: 5_000 }),
    contact: Type.String({ minLength: 3, maxLength: 300 }),
    lang: Lang,
    website: Honeypot,
  },
  { additionalProperties: false },
);
export type NewMissingRelative = Static<typeof NewMissingRelative>;

export const PublicReceipt = Type.Object(
  {
    reference: Type.String(),
    token: Type.String({ description: 'secret for the private follow-up link; shown once, stored hashed' }),
  },
  { additionalProperties: false },
);
export type PublicReceipt = Static<typeof PublicReceipt>;

export const FollowUpRequest = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), text: Type.String({ minLength: 1, maxLength: 5_000 }) },
  { additionalProperties: false },
);
export const FollowUpStatusRequest = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);
export const FollowUpStatus = Type.Object(
  {
    reference: Type.String(),
    status: Type.Enum(TRIAGE_STATUSES),
    additions: Type.Integer(),
    receivedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type FollowUpStatus = Static<typeof FollowUpStatus>;

export const TriageItem = Type.Object(
  {
    id: Uuid,
    reference: Type.String(),
    kind: Type.Enum(TRIAGE_KINDS),
    status: Type.Enum(TRIAGE_STATUSES),
    country: CountryCode,
    lang: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    contact: Type.Union([Type.String(), Type.Null()]),
    additions: Type.Array(Type.Object({ text: Type.String(), at: IsoDateTime }, { additionalProperties: false })),
    duplicates: Type.Integer({ description: 'later submissions with the same content' }),
    intelReportId: Type.Union([Uuid, Type.Null()]),
    /** the rescue case a verified missing-relative report opened (where the rescue area exists) */
    rescueCaseId: Type.Union([Uuid, Type.Null()]),
    decisionNote: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type TriageItem = Static<typeof TriageItem>;

export const TriageDecision = Type.Object(
  {
    decision: Type.Union([Type.Literal('verify'), Type.Literal('reject')]),
    note: Type.Optional(Type.String({ maxLength: 2_000 })),
    /**
     * Missing relative: the country where the person is believed to be held (the rescue case's host
     * country); default: the report's country.
     */
    hostCountry: Type.Optional(CountryCode),
  },
  { additionalProperties: false },
);
export type TriageDecision = Static<typeof TriageDecision>;

export const CampaignMessage = Type.Object(
  { title: Type.String({ minLength: 3, maxLength: 160 }), body: Type.String({ minLength: 3, maxLength: 2_000 }) },
  { additionalProperties: false },
);
export const NewCampaign = Type.Object(
  {
    code: CampaignCode,
    name: Type.String({ minLength: 3, maxLength: 200 }),
    messages: Type.Record(Type.String({ pattern: '^(en|id|vi|th|fil|zh-Hans|hi)$' }), CampaignMessage),
    targetCountries: Type.Array(CountryCode, { minItems: 1, maxItems: 60, uniqueItems: true }),
    ageGroups: Type.Array(Type.String({ pattern: '^\\d{2}-\\d{2}$|^\\d{2}\\+$' }), { maxItems: 8, default: [] }),
    channels: Type.Array(Type.String({ minLength: 2, maxLength: 40 }), { maxItems: 10, default: [] }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type NewCampaign = Static<typeof NewCampaign>;

export const Campaign = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    code: Type.String(),
    name: Type.String(),
    messages: Type.Record(Type.String(), CampaignMessage),
    targetCountries: Type.Array(CountryCode),
    ageGroups: Type.Array(Type.String()),
    channels: Type.Array(Type.String()),
    startsOn: Type.String(),
    endsOn: Type.String(),
    totals: Type.Object({ view: Type.Integer(), click: Type.Integer(), check: Type.Integer(), report: Type.Integer() }),
    status: Type.Enum(CAMPAIGN_STATUSES),
    /** set when the agency ended it before its end date */
    endedAt: Type.Union([IsoDateTime, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Campaign = Static<typeof Campaign>;

/**
 * Changes to a campaign that has not ended (the code stays: links carrying it are out there).
 * Once it has started, its start date stays too.
 */
export const CampaignChanges = Type.Object(
  {
    name: Type.Optional(NewCampaign.properties.name),
    messages: Type.Optional(NewCampaign.properties.messages),
    targetCountries: Type.Optional(NewCampaign.properties.targetCountries),
    ageGroups: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}-\\d{2}$|^\\d{2}\\+$' }), { maxItems: 8 })),
    channels: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 40 }), { maxItems: 10 })),
    startsOn: Type.Optional(Type.String({ format: 'date' })),
    endsOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignChanges = Static<typeof CampaignChanges>;

export const PublicCampaign = Type.Object(
  { code: Type.String(), lang: Type.String(), title: Type.String(), body: Type.String() },
  { additionalProperties: false },
);
export type PublicCampaign = Static<typeof PublicCampaign>;

export const ReachEvent = Type.Object(
  { kind: Type.Union([Type.Literal('view'), Type.Literal('click')]), country: Type.Optional(CountryCode) },
  { additionalProperties: false },
);

export const ReachRow = Type.Object(
  { day: Type.String(), country: Type.String(), kind: Type.Enum(REACH_KINDS), count: Type.Integer() },
  { additionalProperties: false },
);
export type ReachRow = Static<typeof ReachRow>;

export const DirectoryEntry = Type.Object(
  {
    id: Uuid,
    country: CountryCode,
    kind: Type.Enum(DIRECTORY_KINDS),
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    url: Type.Union([Type.String(), Type.Null()]),
    languages: Type.Array(Type.String()),
    notes: Type.String(),
    demo: Type.Boolean({ description: 'synthetic demonstration entry: not a real service' }),
  },
  { additionalProperties: false },
);
export type DirectoryEntry = Static<typeof DirectoryEntry>;

/** Paths of the public portal's pages: the server answers each with the portal page. */
export const PORTAL_PAGES = [
  '/',
  '/check-job',
  '/check-message',
  '/report-scam',
  '/report-relative',
  '/follow-up',
  '/help',
  '/privacy',
] as const;

export const NewDirectoryEntry = Type.Object(
  {
    country: CountryCode,
    kind: Type.Enum(DIRECTORY_KINDS),
    name: Type.String({ minLength: 3, maxLength: 200 }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{3,30}$' })),
    url: Type.Optional(Type.String({ pattern: '^https://[^\\s]{3,300}$' })),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' }), { maxItems: 10, default: [] }),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type NewDirectoryEntry = Static<typeof NewDirectoryEntry>;

/** Changes to a directory entry (its country stays: remove it and add it under the other country). */
export const DirectoryEntryChanges = Type.Object(
  {
    kind: Type.Optional(Type.Enum(DIRECTORY_KINDS)),
    name: Type.Optional(NewDirectoryEntry.properties.name),
    /** null clears it */
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 ()-]{3,30}$' }), Type.Null()])),
    url: Type.Optional(Type.Union([Type.String({ pattern: '^https://[^\\s]{3,300}$' }), Type.Null()])),
    languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' }), { maxItems: 10 })),
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DirectoryEntryChanges = Static<typeof DirectoryEntryChanges>;

/** A directory entry as the console shows it: who maintains it, and whether the viewer may change it. */
export const ConsoleDirectoryEntry = Type.Object(
  {
    ...DirectoryEntry.properties,
    /** the agency that added it (null: demo data) */
    agencyId: Type.Union([Uuid, Type.Null()]),
    editable: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ConsoleDirectoryEntry = Static<typeof ConsoleDirectoryEntry>;
