import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';

/** Pillar 4 — locate, rescue and repatriate trafficking victims: the API's vocabulary. */
export const RESCUE_STAGES = [
  'reported',
  'triaged',
  'verified',
  'located',
  'rescue-planned',
  'rescued',
  'screened',
  'sheltered',
  'repatriation-arranged',
  'repatriated',
  'follow-up',
  'closed',
] as const;
export const RESCUE_EXITS = ['unfounded', 'duplicate', 'found-safe', 'deceased', 'declined-assistance'] as const;
export type RescueStage = (typeof RESCUE_STAGES)[number] | (typeof RESCUE_EXITS)[number];
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RESCUE_PARTIES = ['host-police', 'consulate', 'home-police', 'ngo-shelter', 'hub'] as const;
export type RescueParty = (typeof RESCUE_PARTIES)[number];
export const TRAFFICKING_INDICATORS = [
  'deceptive-recruitment',
  'confiscated-documents',
  'debt-bondage',
  'restricted-movement',
  'violence-or-threats',
  'forced-criminal-activity',
  'withheld-wages',
  'isolation',
  'abusive-conditions',
  'excessive-overtime',
  'abuse-of-vulnerability',
] as const;
export type TraffickingIndicator = (typeof TRAFFICKING_INDICATORS)[number];
export const DETERMINATIONS = ['identified-victim', 'presumed-victim', 'not-identified'] as const;
export const PERSON_STATUSES = ['registered', 'screened', 'sheltered', 'in-batch', 'departed', 'repatriated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const BATCH_STATUSES = ['planned', 'documents-ready', 'transport-booked', 'departed', 'received'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const REPORTER_CHANNELS = ['family', 'hotline', 'ngo', 'consulate', 'intelligence', 'victim', 'public'] as const;

const Stage = Type.Union([Type.Enum(RESCUE_STAGES), Type.Enum(RESCUE_EXITS)]);
const Text = (max: number) => Type.String({ maxLength: max });
const DateText = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });

export const NewRescuePerson = Type.Object(
  {
    /** Stable key of a row in a mass registration: the same key twice is the same person (idempotent). */
    rowKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Type.String({ minLength: 1, maxLength: 200, description: 'in any script' }),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5 })),
    nationality: CountryCode,
    languages: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 35 }), { maxItems: 10 })),
    dateOfBirth: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
    age: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    minor: Type.Optional(Type.Boolean()),
    gender: Type.Optional(Type.Enum(GENDERS)),
    contacts: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5 })),
    description: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type NewRescuePerson = Static<typeof NewRescuePerson>;

export const RescueLocation = Type.Object(
  {
    scamCentreId: Type.Optional(Uuid),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    area: Type.Optional(Text(200)),
    description: Type.Optional(Text(2000)),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
export type RescueLocation = Static<typeof RescueLocation>;

export const RiskFactors = Type.Object(
  {
    immediateDanger: Type.Optional(Type.Boolean()),
    medicalNeed: Type.Optional(Type.Boolean()),
    minor: Type.Optional(Type.Boolean()),
    violence: Type.Optional(Type.Boolean()),
    confiscatedDocuments: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RiskFactors = Static<typeof RiskFactors>;

export const Reporter = Type.Object(
  {
    channel: Type.Enum(REPORTER_CHANNELS),
    name: Type.Optional(Text(200)),
    relation: Type.Optional(Text(100)),
    contact: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const NewRescueCase = Type.Object(
  {
    /** Not personal (e.g. "KK Park raid, 14 May"); names go in persons. */
    title: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Type.Enum(['individual', 'mass'])),
    hostCountry: CountryCode,
    persons: Type.Array(NewRescuePerson, { maxItems: 200 }),
    location: Type.Optional(RescueLocation),
    riskFactors: Type.Optional(RiskFactors),
    /** Default: suggested from the risk factors. */
    riskLevel: Type.Optional(Type.Enum(RISK_LEVELS)),
    reporter: Type.Optional(Reporter),
    consentToContact: Type.Boolean(),
    supervisorUserId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type NewRescueCase = Static<typeof NewRescueCase>;

export const RescueMatch = Type.Object(
  {
    caseId: Uuid,
    caseRef: Type.String(),
    holderAgencyId: Uuid,
    score: Type.Number(),
    verdict: Type.String(),
  },
  { additionalProperties: false },
);

export const Screening = Type.Object(
  {
    indicators: Type.Array(Type.Enum(TRAFFICKING_INDICATORS)),
    determination: Type.Enum(DETERMINATIONS),
    nonPunishment: Type.Boolean(),
    reasons: Type.Array(Type.String()),
    notes: Type.String(),
    screenedAt: IsoDateTime,
    screenedByAgencyId: Uuid,
  },
  { additionalProperties: false },
);

export const RescuePerson = Type.Object(
  {
    id: Uuid,
    rowKey: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    aliases: Type.Array(Type.String()),
    nationality: CountryCode,
    languages: Type.Array(Type.String()),
    dateOfBirth: Type.Union([Type.String(), Type.Null()]),
    age: Type.Union([Type.Integer(), Type.Null()]),
    minor: Type.Boolean(),
    gender: Type.Enum(GENDERS),
    contacts: Type.Array(Type.String()),
    description: Type.String(),
    status: Type.Enum(PERSON_STATUSES),
    batchId: Type.Union([Uuid, Type.Null()]),
    screening: Type.Union([Screening, Type.Null()]),
    matches: Type.Array(RescueMatch),
  },
  { additionalProperties: false },
);
export type RescuePerson = Static<typeof RescuePerson>;

export const RescueCaseSummary = Type.Object(
  {
    id: Uuid,
    ref: Type.String(),
    title: Type.String(),
    kind: Type.Enum(['individual', 'mass']),
    stage: Stage,
    riskLevel: Type.Enum(RISK_LEVELS),
    hostCountry: CountryCode,
    leadAgencyId: Uuid,
    responsibleAgencyId: Uuid,
    stageEnteredAt: IsoDateTime,
    deadlineAt: Type.Union([IsoDateTime, Type.Null()]),
    /** the current step's deadline has passed (an escalation was raised) */
    breached: Type.Boolean(),
    /** counts only: names are on the case page, for the team */
    persons: Type.Integer(),
    nationalities: Type.Array(CountryCode),
    onTeam: Type.Boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type RescueCaseSummary = Static<typeof RescueCaseSummary>;

export const RescueBoard = Type.Object(
  { now: IsoDateTime, cases: Type.Array(RescueCaseSummary) },
  { additionalProperties: false },
);
export type RescueBoard = Static<typeof RescueBoard>;

export const TeamMember = Type.Object(
  {
    agencyId: Uuid,
    agencyName: Type.String(),
    country: CountryCode,
    party: Type.Enum(RESCUE_PARTIES),
    addedAt: IsoDateTime,
  },
  { additionalProperties: false },
);

export const TimelineEntry = Type.Object(
  {
    id: Type.String(),
    at: IsoDateTime,
    kind: Type.String(),
    summary: Type.String(),
    actorAgencyId: Type.Union([Uuid, Type.Null()]),
    fromStage: Type.Union([Stage, Type.Null()]),
    toStage: Type.Union([Stage, Type.Null()]),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type TimelineEntry = Static<typeof TimelineEntry>;

export const NextStep = Type.Object(
  {
    to: Stage,
    requires: Type.String(),
    /** can the viewer take it (party and role)? */
    allowed: Type.Boolean(),
    reason: Type.Union([Type.String(), Type.Null()]),
    fields: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type NextStep = Static<typeof NextStep>;

export const RescueCase = Type.Object(
  {
    ...RescueCaseSummary.properties,
    location: Type.Union([
      Type.Object(
        {
          scamCentre: Type.Union([
            Type.Object(
              { id: Uuid, label: Type.String(), country: Type.Union([CountryCode, Type.Null()]) },
              { additionalProperties: false },
            ),
            Type.Null(),
          ]),
          lat: Type.Union([Type.Number(), Type.Null()]),
          lon: Type.Union([Type.Number(), Type.Null()]),
          area: Type.String(),
          description: Type.String(),
          confidence: Type.Union([Type.Number(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    riskFactors: RiskFactors,
    reporter: Type.Union([Reporter, Type.Null()]),
    consentToContact: Type.Boolean(),
    supervisorUserId: Type.Union([Uuid, Type.Null()]),
    myParties: Type.Array(Type.Enum(RESCUE_PARTIES)),
    team: Type.Array(TeamMember),
    persons: Type.Integer(),
    visiblePersons: Type.Array(RescuePerson),
    nonPunishment: Type.Integer(),
    timeline: Type.Array(TimelineEntry),
    nextSteps: Type.Array(NextStep),
    stepData: Type.Record(Type.String(), Type.Unknown()),
    /** the server's clock: countdowns count from it */
    now: IsoDateTime,
  },
  { additionalProperties: false },
);
export type RescueCase = Static<typeof RescueCase>;

export const RescueTransition = Type.Object(
  {
    to: Stage,
    note: Type.Optional(Text(2000)),
    riskLevel: Type.Optional(Type.Enum(RISK_LEVELS)),
    verificationSource: Type.Optional(Text(500)),
    location: Type.Optional(RescueLocation),
    plannedFor: Type.Optional(DateText),
    rescuedAt: Type.Optional(DateText),
    shelterAgencyId: Type.Optional(Uuid),
    travelDocumentsReady: Type.Optional(Type.Boolean()),
    plannedTravelDate: Type.Optional(DateText),
    travelDate: Type.Optional(DateText),
    receivingAgencyId: Type.Optional(Uuid),
    reason: Type.Optional(Text(1000)),
    duplicateOfCaseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type RescueTransition = Static<typeof RescueTransition>;

export const NewScreening = Type.Object(
  {
    indicators: Type.Array(Type.Enum(TRAFFICKING_INDICATORS), { uniqueItems: true }),
    notes: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);
export type NewScreening = Static<typeof NewScreening>;

export const NewTeamMember = Type.Object(
  { agencyId: Uuid, party: Type.Optional(Type.Enum(RESCUE_PARTIES)) },
  { additionalProperties: false },
);
export type NewTeamMember = Static<typeof NewTeamMember>;
export const Handoff = Type.Object(
  { toAgencyId: Uuid, note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);

export const BulkPersons = Type.Object(
  { rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: 20000 }) },
  { additionalProperties: false },
);
export const BulkRowError = Type.Object(
  { row: Type.Integer(), field: Type.String(), message: Type.String() },
  { additionalProperties: false },
);
export const BulkRegistration = Type.Object(
  {
    rows: Type.Integer(),
    created: Type.Integer(),
    /** rows whose row key was already registered on this case: nothing written */
    existing: Type.Integer(),
    errors: Type.Array(BulkRowError),
    /** rows that look like a person of another open case (reported missing) */
    matches: Type.Array(
      Type.Object({ row: Type.Integer(), personId: Uuid, match: RescueMatch }, { additionalProperties: false }),
    ),
    byNationality: Type.Record(Type.String(), Type.Integer()),
    consulatesNotified: Type.Integer(),
  },
  { additionalProperties: false },
);
export type BulkRegistration = Static<typeof BulkRegistration>;

export const NewBatch = Type.Object(
  {
    nationality: CountryCode,
    personIds: Type.Array(Uuid, { minItems: 1, maxItems: 2000, uniqueItems: true }),
    transportMode: Type.Optional(Type.Enum(['air', 'land', 'sea'])),
    carrierRef: Type.Optional(Text(100)),
    travelDate: Type.Optional(DateText),
    receptionAgencyId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type NewBatch = Static<typeof NewBatch>;
export const BatchAdvance = Type.Object(
  { status: Type.Enum(BATCH_STATUSES), travelDate: Type.Optional(DateText), carrierRef: Type.Optional(Text(100)) },
  { additionalProperties: false },
);
export const Batch = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    nationality: CountryCode,
    status: Type.Enum(BATCH_STATUSES),
    persons: Type.Integer(),
    transportMode: Type.Union([Type.String(), Type.Null()]),
    carrierRef: Type.String(),
    travelDate: Type.Union([Type.String(), Type.Null()]),
    receptionAgencyId: Type.Union([Uuid, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Batch = Static<typeof Batch>;

export const RepatriationDashboard = Type.Object(
  {
    caseId: Type.Union([Uuid, Type.Null()]),
    total: Type.Integer(),
    byNationality: Type.Array(
      Type.Object(
        {
          nationality: CountryCode,
          total: Type.Integer(),
          byStatus: Type.Record(Type.String(), Type.Integer()),
          nonPunishment: Type.Integer(),
          matches: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    batches: Type.Array(Batch),
  },
  { additionalProperties: false },
);
export type RepatriationDashboard = Static<typeof RepatriationDashboard>;
