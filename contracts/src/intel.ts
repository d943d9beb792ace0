import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { HitReason } from './hit-reasons.ts';
import { Marking } from './markings.ts';

export const SELECTOR_KINDS = [
  'phone',
  'email',
  'domain',
  'url',
  'crypto',
  'bank-account',
  'iban',
  'handle',
  'ip',
  'imei',
  'passport',
  'national-id',
  'company-registration',
] as const;
export const HANDLE_PLATFORMS = [
  'telegram',
  'whatsapp',
  'line',
  'wechat',
  'facebook',
  'instagram',
  'tiktok',
  'x',
  'signal',
] as const;
export const CRYPTO_CHAINS = ['bitcoin', 'ethereum', 'tron'] as const;
export const PERSON_ROLES = ['suspect', 'recruiter', 'boss', 'money-mule', 'victim', 'witness', 'other'] as const;
export const ORGANISATION_KINDS = ['syndicate', 'front-company', 'fake-recruitment-agency', 'other'] as const;
export const CENTRE_STATUSES = ['active', 'raided', 'relocated', 'closed'] as const;
export const RELATIONSHIP_TYPES = [
  'operates',
  'works-at',
  'recruits-for',
  'uses',
  'controls',
  'pays',
  'located-at',
  'member-of',
  'victim-of',
] as const;
export const ENTITY_KINDS = ['person', 'organisation', 'scam-centre', 'selector'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** A local reference inside one submission (`p1`, `wallet-2`) or the id of an existing entity. */
const Ref = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const PartialDate = Type.String({
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
});

export const NewPerson = Type.Object(
  {
    ref: Ref,
    names: Type.Array(Name, { minItems: 1, maxItems: 20, description: 'primary name first, then aliases; any script' }),
    dateOfBirth: Type.Optional(PartialDate),
    nationalities: Type.Optional(Type.Array(CountryCode, { maxItems: 5 })),
    gender: Type.Optional(Type.Enum(['female', 'male', 'other', 'unknown'])),
    role: Type.Enum(PERSON_ROLES),
  },
  { additionalProperties: false },
);

export const NewOrganisation = Type.Object(
  {
    ref: Ref,
    name: Name,
    aliases: Type.Optional(Type.Array(Name, { maxItems: 20 })),
    kind: Type.Enum(ORGANISATION_KINDS),
    country: Type.Optional(CountryCode),
  },
  { additionalProperties: false },
);

export const GeoPoint = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);

export const NewScamCentre = Type.Object(
  {
    ref: Ref,
    name: Name,
    aliases: Type.Optional(Type.Array(Name, { maxItems: 20 })),
    country: CountryCode,
    location: Type.Optional(GeoPoint),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    status: Type.Enum(CENTRE_STATUSES),
    workforce: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const NewSelector = Type.Object(
  {
    ref: Ref,
    kind: Type.Enum(SELECTOR_KINDS),
    value: Type.String({ minLength: 1, maxLength: 500 }),
    country: Type.Optional(CountryCode),
    platform: Type.Optional(Type.Enum(HANDLE_PLATFORMS)),
    chain: Type.Optional(Type.Enum(CRYPTO_CHAINS)),
    bank: Type.Optional(
      Type.String({ minLength: 2, maxLength: 20, description: 'BIC or national bank code, for bank accounts' }),
    ),
  },
  { additionalProperties: false },
);
export type NewSelector = Static<typeof NewSelector>;

export const NewRelationship = Type.Object(
  { from: Ref, to: Ref, type: Type.Enum(RELATIONSHIP_TYPES) },
  { additionalProperties: false, description: 'from/to: a ref of this submission or the id of an entity you can see' },
);

export const NewReport = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 300 }),
    summary: Type.String({ maxLength: 20_000 }),
    marking: Marking,
    moTags: Type.Array(Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 64 }), { maxItems: 30, uniqueItems: true }),
    persons: Type.Optional(Type.Array(NewPerson, { maxItems: 500 })),
    organisations: Type.Optional(Type.Array(NewOrganisation, { maxItems: 500 })),
    scamCentres: Type.Optional(Type.Array(NewScamCentre, { maxItems: 200 })),
    selectors: Type.Optional(Type.Array(NewSelector, { maxItems: 5000 })),
    relationships: Type.Optional(Type.Array(NewRelationship, { maxItems: 5000 })),
    sourceRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'your own id for this report: a second submission with it is a no-op',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewReport = Static<typeof NewReport>;

export const Entity = Type.Object(
  {
    id: Uuid,
    reportId: Uuid,
    ownerAgencyId: Uuid,
    kind: Type.Enum(ENTITY_KINDS),
    label: Type.String(),
    selectorKind: Type.Union([Type.Enum(SELECTOR_KINDS), Type.Null()]),
    key: Type.Union([Type.String(), Type.Null()]),
    country: Type.Union([CountryCode, Type.Null()]),
    location: Type.Union([GeoPoint, Type.Null()]),
    attrs: Type.Record(Type.String(), Type.Unknown()),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Entity = Static<typeof Entity>;

export const Relationship = Type.Object(
  { id: Uuid, reportId: Uuid, from: Uuid, to: Uuid, type: Type.Enum(RELATIONSHIP_TYPES) },
  { additionalProperties: false },
);
export type Relationship = Static<typeof Relationship>;

export const ReportSummary = Type.Object(
  {
    id: Uuid,
    ownerAgencyId: Uuid,
    title: Type.String(),
    marking: Marking,
    moTags: Type.Array(Type.String()),
    createdAt: IsoDateTime,
    counts: Type.Object({
      persons: Type.Integer(),
      organisations: Type.Integer(),
      scamCentres: Type.Integer(),
      selectors: Type.Integer(),
    }),
  },
  { additionalProperties: false },
);
export type ReportSummary = Static<typeof ReportSummary>;

export const HitOther = Type.Object(
  {
    agencyId: Uuid,
    agencyName: Type.String(),
    country: CountryCode,
    grade: Type.String({ description: 'Admiralty grade of the holder’s report, e.g. B2' }),
    visible: Type.Boolean({ description: 'false: you learn only that the record exists (hit / no-hit)' }),
    entityId: Type.Optional(Uuid),
    reportId: Type.Optional(Uuid),
    label: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const Hit = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(['selector', 'scam-centre', 'person']),
    matchKey: Type.String(),
    score: Type.Number(),
    status: Type.Enum(['open', 'confirmed', 'rejected']),
    mine: Type.Object({ entityId: Uuid, reportId: Uuid, label: Type.String() }, { additionalProperties: false }),
    other: HitOther,
    reasons: Type.Array(Type.String(), { description: 'in English' }),
    reasonCodes: Type.Array(HitReason, {
      description: 'the same reasons as codes with their parameters; empty for hits stored before codes existed',
    }),
    decision: Type.Union([
      Type.Object(
        { by: Uuid, at: IsoDateTime, note: Type.Union([Type.String(), Type.Null()]) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    disclosure: Type.Union([Type.Enum(['pending', 'approved', 'declined']), Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Hit = Static<typeof Hit>;

export const Report = Type.Object(
  {
    ...ReportSummary.properties,
    summary: Type.String(),
    entities: Type.Array(Entity),
    relationships: Type.Array(Relationship),
    hits: Type.Array(Hit),
  },
  { additionalProperties: false },
);
export type Report = Static<typeof Report>;

export const MO_CATEGORIES = ['modus-operandi', 'recruitment', 'laundering', 'crime-link'] as const;
/** Languages a taxonomy label may be translated into (`label` itself is English). */
export const MO_LABEL_LANGUAGES = ['fr', 'es'] as const;
const MoLabel = Type.String({ minLength: 2, maxLength: 120 });
export const MoTag = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9-]+$', minLength: 2, maxLength: 64 }),
    label: MoLabel,
    category: Type.Enum(MO_CATEGORIES),
    description: Type.String({ maxLength: 1000 }),
    labels: Type.Optional(
      Type.Object(
        { fr: Type.Optional(MoLabel), es: Type.Optional(MoLabel) },
        { additionalProperties: false, description: 'the label in other languages' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type MoTag = Static<typeof MoTag>;

export const WATCH_KINDS = ['selector', 'mo', 'country', 'scam-centre'] as const;
export const NewWatch = Type.Object(
  {
    kind: Type.Enum(WATCH_KINDS),
    value: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'selector value, MO code, country code or scam-centre entity id',
    }),
    selectorKind: Type.Optional(Type.Enum(SELECTOR_KINDS)),
    country: Type.Optional(CountryCode),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type NewWatch = Static<typeof NewWatch>;
export const Watch = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(WATCH_KINDS),
    value: Type.String(),
    label: Type.String(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Watch = Static<typeof Watch>;

/** An alert's text as a key and parameters, for clients that show it in the user's language. */
export const AlertMessage = Type.Object(
  {
    key: Type.String({ description: 'e.g. hit.visible, watch.hidden, disclosure.approved' }),
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  },
  { additionalProperties: false },
);
export type AlertMessage = Static<typeof AlertMessage>;

export const Alert = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(['hit', 'watch', 'disclosure']),
    title: Type.String({ description: 'in English' }),
    message: Type.Union([AlertMessage, Type.Null()]),
    refType: Type.String(),
    refId: Uuid,
    data: Type.Record(Type.String(), Type.Unknown()),
    createdAt: IsoDateTime,
    readAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Alert = Static<typeof Alert>;

export const LookupRequest = Type.Object(
  {
    selectors: Type.Array(
      Type.Object(
        {
          kind: Type.Enum(SELECTOR_KINDS),
          value: Type.String({ minLength: 1, maxLength: 500 }),
          country: Type.Optional(CountryCode),
          platform: Type.Optional(Type.Enum(HANDLE_PLATFORMS)),
          chain: Type.Optional(Type.Enum(CRYPTO_CHAINS)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type LookupRequest = Static<typeof LookupRequest>;

export const LookupResult = Type.Object(
  {
    index: Type.Integer(),
    ok: Type.Boolean(),
    key: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    hit: Type.Boolean(),
    holders: Type.Array(
      Type.Object(
        {
          agencyId: Uuid,
          agencyName: Type.String(),
          country: CountryCode,
          grade: Type.String(),
          visible: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type LookupResult = Static<typeof LookupResult>;

export const MapCentre = Type.Object(
  {
    id: Uuid,
    label: Type.String(),
    country: Type.Union([CountryCode, Type.Null()]),
    lat: Type.Number(),
    lon: Type.Number(),
    status: Type.Enum(CENTRE_STATUSES),
    moTags: Type.Array(Type.String()),
    reportId: Uuid,
    ownerAgencyId: Uuid,
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type MapCentre = Static<typeof MapCentre>;

/** The scam centres an entity is, or is linked to by relationships (at most `hops` away). */
export const EntityPlace = Type.Object(
  { ...MapCentre.properties, hops: Type.Integer({ minimum: 0, maximum: 3 }) },
  { additionalProperties: false },
);
export type EntityPlace = Static<typeof EntityPlace>;

export const TIMELINE_EVENT_TYPES = ['report', 'relationship', 'hit', 'disclosure'] as const;
/**
 * One dated thing that touched an entity, as the viewer may know it: a report mentioning it (or
 * the same selector), a relationship declared on it, a hit or a disclosure step of the viewer's
 * agency. `marking` is null where the viewer may not read the report concerned (then only the
 * holder and the grade are given).
 */
export const TimelineEvent = Type.Object(
  {
    at: IsoDateTime,
    type: Type.Enum(TIMELINE_EVENT_TYPES),
    agencyId: Uuid,
    marking: Type.Union([Marking, Type.Null()]),
    grade: Type.String(),
    reportId: Type.Union([Uuid, Type.Null()]),
    reportTitle: Type.Union([Type.String(), Type.Null()]),
    relationship: Type.Optional(
      Type.Object(
        {
          type: Type.Enum(RELATIONSHIP_TYPES),
          direction: Type.Enum(['out', 'in']),
          other: Type.Union([
            Type.Object(
              { id: Uuid, kind: Type.Enum(ENTITY_KINDS), label: Type.String() },
              { additionalProperties: false },
            ),
            Type.Null(),
          ]),
        },
        { additionalProperties: false },
      ),
    ),
    hit: Type.Optional(
      Type.Object(
        {
          id: Uuid,
          kind: Type.Enum(['selector', 'scam-centre', 'person']),
          status: Type.Enum(['open', 'confirmed', 'rejected']),
          visible: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    disclosure: Type.Optional(
      Type.Object(
        {
          id: Uuid,
          hitId: Uuid,
          step: Type.Enum(['requested', 'approved', 'declined']),
          outgoing: Type.Boolean({ description: 'true: the viewer’s agency asked' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TimelineEvent = Static<typeof TimelineEvent>;
