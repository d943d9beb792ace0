import { type Static, type TSchema, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { SelectorRef } from './operations.ts';

/** The colour-coded notices Cordon carries (Black, unidentified bodies, is out of its scope). */
export const NOTICE_TYPES = ['purple', 'orange', 'silver', 'yellow', 'red', 'green', 'blue'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
/** draft → submitted → published | returned (→ edited → submitted) ; published → cancelled | expired. */
export const NOTICE_STATUSES = ['draft', 'submitted', 'returned', 'published', 'cancelled', 'expired'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** Types whose public extract may be shown on the public portal (Yellow only with the family's consent). */
export const PUBLIC_EXTRACT_TYPES: readonly NoticeType[] = ['purple', 'yellow'];

const Text = (max = 5000) => Type.String({ minLength: 3, maxLength: max });
const Day = Type.String({ format: 'date' });

export const NoticePerson = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
    dateOfBirth: Type.Optional(Day),
    sex: Type.Optional(Type.Union([Type.Literal('F'), Type.Literal('M'), Type.Literal('X')])),
    nationalities: Type.Array(CountryCode, { minItems: 1, maxItems: 5, uniqueItems: true }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** The required fields of each type (checked on submission; a draft may be incomplete). */
export const NOTICE_DETAILS = {
  purple: Type.Object(
    {
      modusOperandi: Text(),
      methods: Text(),
      objects: Type.Array(Type.String({ minLength: 2, maxLength: 300 }), { minItems: 1, maxItems: 50 }),
      concealment: Text(),
    },
    { additionalProperties: false },
  ),
  orange: Type.Object(
    {
      threatKind: Type.Union([
        Type.Literal('person'),
        Type.Literal('event'),
        Type.Literal('object'),
        Type.Literal('process'),
      ]),
      threatDescription: Text(),
      imminence: Text(1000),
      countriesAtRisk: Type.Array(CountryCode, { minItems: 1, maxItems: 250, uniqueItems: true }),
    },
    { additionalProperties: false },
  ),
  silver: Type.Object(
    {
      subject: NoticePerson,
      assetsSought: Text(),
      jurisdictions: Type.Array(CountryCode, { minItems: 1, maxItems: 250, uniqueItems: true }),
      legalBasis: Text(1000),
    },
    { additionalProperties: false },
  ),
  yellow: Type.Object(
    {
      subject: NoticePerson,
      missingSince: Day,
      lastSeenPlace: Text(500),
      circumstances: Text(),
      familyConsent: Type.Boolean({ description: 'the family consents to a public extract' }),
    },
    { additionalProperties: false },
  ),
  red: Type.Object(
    {
      subject: NoticePerson,
      charges: Text(),
      warrantReference: Type.String({ minLength: 3, maxLength: 200 }),
      issuingAuthority: Type.String({ minLength: 3, maxLength: 300 }),
    },
    { additionalProperties: false },
  ),
  green: Type.Object(
    { subject: NoticePerson, criminalActivities: Text(), warningReason: Text() },
    { additionalProperties: false },
  ),
  blue: Type.Object(
    { subject: NoticePerson, informationSought: Text(), reason: Text() },
    { additionalProperties: false },
  ),
} as const satisfies Record<NoticeType, TSchema>;
export type NoticeDetails<T extends NoticeType = NoticeType> = Static<(typeof NOTICE_DETAILS)[T]>;

const Common = {
  title: Type.String({ minLength: 3, maxLength: 300 }),
  summary: Type.String({ maxLength: 5000 }),
  entityIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  selectors: Type.Optional(Type.Array(SelectorRef, { maxItems: 50 })),
  publicExtract: Type.Optional(
    Type.Union([Type.String({ minLength: 10, maxLength: 3000 }), Type.Null()], {
      description: 'Purple (modus operandi) and Yellow (with family consent) only',
    }),
  ),
  reviewPeriodDays: Type.Optional(Type.Integer({ minimum: 30, maximum: 1825, default: 365 })),
};

/**
 * A notice as drafted: one member per type, each with its own details. Drafts may leave required
 * details out (the server checks them on submission, naming each missing field).
 */
export const NoticeDraft = Type.Object(
  { type: Type.Enum(NOTICE_TYPES), ...Common, details: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type NoticeDraft = Static<typeof NoticeDraft>;
/** A complete notice of one type, as submitted: the union a client can type-check against. */
export const CompleteNotice = Type.Union([
  Type.Object(
    { type: Type.Literal('purple'), ...Common, details: NOTICE_DETAILS.purple },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('orange'), ...Common, details: NOTICE_DETAILS.orange },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('silver'), ...Common, details: NOTICE_DETAILS.silver },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('yellow'), ...Common, details: NOTICE_DETAILS.yellow },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('red'), ...Common, details: NOTICE_DETAILS.red }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('green'), ...Common, details: NOTICE_DETAILS.green },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('blue'), ...Common, details: NOTICE_DETAILS.blue }, { additionalProperties: false }),
]);
export type CompleteNotice = Static<typeof CompleteNotice>;

export const ReviewChecklist = Type.Object(
  {
    requiredFieldsComplete: Type.Boolean(),
    dataQuality: Type.Boolean(),
    noPoliticalMilitaryReligiousRacial: Type.Boolean({ description: 'Article 3 of the constitution' }),
  },
  { additionalProperties: false },
);
export type ReviewChecklist = Static<typeof ReviewChecklist>;
export const NoticeReview = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('return')]),
    checklist: ReviewChecklist,
    reasons: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type NoticeReview = Static<typeof NoticeReview>;
export const NoticeCancel = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const NoticeRevision = Type.Object(
  {
    revision: Type.Integer(),
    action: Type.String(),
    agencyId: Uuid,
    reasons: Type.Union([Type.String(), Type.Null()]),
    checklist: Type.Union([ReviewChecklist, Type.Null()]),
    snapshot: Type.Record(Type.String(), Type.Unknown()),
    at: IsoDateTime,
  },
  { additionalProperties: false },
);
export type NoticeRevision = Static<typeof NoticeRevision>;

export const Notice = Type.Object(
  {
    id: Uuid,
    type: Type.Enum(NOTICE_TYPES),
    status: Type.Enum(NOTICE_STATUSES),
    ownerAgencyId: Uuid,
    ownerAgencyName: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
    entityIds: Type.Array(Uuid),
    selectorKeys: Type.Array(Type.String()),
    publicExtract: Type.Union([Type.String(), Type.Null()]),
    reviewPeriodDays: Type.Integer(),
    revision: Type.Integer(),
    submittedAt: Type.Union([IsoDateTime, Type.Null()]),
    publishedAt: Type.Union([IsoDateTime, Type.Null()]),
    expiresAt: Type.Union([IsoDateTime, Type.Null()]),
    returnReasons: Type.Union([Type.String(), Type.Null()]),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Notice = Static<typeof Notice>;
export const NoticeWithHistory = Type.Object(
  { ...Notice.properties, history: Type.Array(NoticeRevision) },
  { additionalProperties: false },
);
export type NoticeWithHistory = Static<typeof NoticeWithHistory>;

export const NoticeSummary = Type.Object(
  {
    id: Uuid,
    type: Type.Enum(NOTICE_TYPES),
    status: Type.Enum(NOTICE_STATUSES),
    ownerAgencyId: Uuid,
    ownerAgencyName: Type.String(),
    title: Type.String(),
    publishedAt: Type.Union([IsoDateTime, Type.Null()]),
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type NoticeSummary = Static<typeof NoticeSummary>;

export const PublicNoticeExtract = Type.Object(
  { id: Uuid, type: Type.Enum(NOTICE_TYPES), title: Type.String(), extract: Type.String(), publishedAt: IsoDateTime },
  { additionalProperties: false },
);
export type PublicNoticeExtract = Static<typeof PublicNoticeExtract>;

export const NewDiffusion = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 300 }),
    body: Type.String({ minLength: 3, maxLength: 10_000 }),
    recipientAgencyIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }),
    type: Type.Optional(Type.Enum(NOTICE_TYPES)),
    entityIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
    selectors: Type.Optional(Type.Array(SelectorRef, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type NewDiffusion = Static<typeof NewDiffusion>;
export const Diffusion = Type.Object(
  {
    id: Uuid,
    ownerAgencyId: Uuid,
    ownerAgencyName: Type.String(),
    title: Type.String(),
    body: Type.String(),
    type: Type.Union([Type.Enum(NOTICE_TYPES), Type.Null()]),
    recipientAgencyIds: Type.Array(Uuid),
    entityIds: Type.Array(Uuid),
    selectorKeys: Type.Array(Type.String()),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Diffusion = Static<typeof Diffusion>;
