import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { CRYPTO_CHAINS, HANDLE_PLATFORMS, SELECTOR_KINDS } from './intel.ts';
import { Marking, PAP_LEVELS } from './markings.ts';

/** planning → active → concluded → archived; each step by the lead agency. */
export const OPERATION_STATUSES = ['planning', 'active', 'concluded', 'archived'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const PARTICIPANT_STATUSES = ['lead', 'invited', 'accepted', 'declined'] as const;
export const TARGET_KINDS = ['scam-centre', 'person', 'organisation', 'account', 'selector'] as const;
export const TARGET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const TARGET_STATUSES = ['identified', 'under-surveillance', 'actioned'] as const;
export const TASK_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export const CONFLICT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
/** Operations are for participants: their TLP may only narrow, never reach all members. */
export const OPERATION_TLPS = ['AMBER', 'AMBER+STRICT', 'RED'] as const;

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Contact = Type.String({
  minLength: 3,
  maxLength: 300,
  description: 'a desk, phone or e-mail to call about conflicts',
});

export const NewOperation = Type.Object(
  {
    codeName: Type.String({ minLength: 2, maxLength: 100 }),
    objectives: Type.String({ maxLength: 10_000 }),
    periodStart: Day,
    periodEnd: Day,
    invitedAgencyIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    contactPoint: Contact,
    tlp: Type.Optional(Type.Enum(OPERATION_TLPS)),
    pap: Type.Optional(Type.Enum(PAP_LEVELS)),
  },
  { additionalProperties: false },
);
export type NewOperation = Static<typeof NewOperation>;

export const Participant = Type.Object(
  {
    agencyId: Uuid,
    agencyName: Type.String(),
    country: CountryCode,
    status: Type.Enum(PARTICIPANT_STATUSES),
    contactPoint: Type.Union([Type.String(), Type.Null()]),
    respondedAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Participant = Static<typeof Participant>;

export const Operation = Type.Object(
  {
    id: Uuid,
    codeName: Type.String(),
    leadAgencyId: Uuid,
    objectives: Type.String(),
    periodStart: Day,
    periodEnd: Day,
    status: Type.Enum(OPERATION_STATUSES),
    marking: Marking,
    participants: Type.Array(Participant),
    /** My agency's standing: lead, accepted (participant), invited (may only read this header). */
    myStatus: Type.Enum(PARTICIPANT_STATUSES),
    summaryPublished: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Operation = Static<typeof Operation>;

export const OperationSummary = Type.Object(
  {
    id: Uuid,
    codeName: Type.String(),
    leadAgencyId: Uuid,
    leadAgencyName: Type.String(),
    periodStart: Day,
    periodEnd: Day,
    status: Type.Enum(OPERATION_STATUSES),
    tlp: Type.String(),
    myStatus: Type.Enum(PARTICIPANT_STATUSES),
    participants: Type.Integer(),
    targets: Type.Integer(),
    openConflicts: Type.Integer(),
  },
  { additionalProperties: false },
);
export type OperationSummary = Static<typeof OperationSummary>;

export const OperationTransition = Type.Object(
  { status: Type.Enum(OPERATION_STATUSES) },
  { additionalProperties: false },
);
export const Invitation = Type.Object(
  { agencyIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
);
export const ParticipationAnswer = Type.Object(
  { accept: Type.Boolean(), contactPoint: Type.Optional(Contact) },
  { additionalProperties: false },
);

export const SelectorRef = Type.Object(
  {
    kind: Type.Enum(SELECTOR_KINDS),
    value: Type.String({ minLength: 1, maxLength: 500 }),
    country: Type.Optional(CountryCode),
    platform: Type.Optional(Type.Enum(HANDLE_PLATFORMS)),
    chain: Type.Optional(Type.Enum(CRYPTO_CHAINS)),
    bank: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type SelectorRef = Static<typeof SelectorRef>;

export const NewTarget = Type.Object(
  {
    entityId: Type.Optional(Uuid),
    selector: Type.Optional(SelectorRef),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    ownerAgencyId: Type.Optional(Uuid),
    priority: Type.Enum(TARGET_PRIORITIES),
  },
  {
    additionalProperties: false,
    description: 'exactly one of entityId (an intelligence entity you can see) or selector',
  },
);
export type NewTarget = Static<typeof NewTarget>;

export const TargetPatch = Type.Object(
  { priority: Type.Optional(Type.Enum(TARGET_PRIORITIES)), status: Type.Optional(Type.Enum(TARGET_STATUSES)) },
  { additionalProperties: false, minProperties: 1 },
);

export const Target = Type.Object(
  {
    id: Uuid,
    operationId: Uuid,
    ownerAgencyId: Uuid,
    kind: Type.Enum(TARGET_KINDS),
    entityId: Type.Union([Uuid, Type.Null()]),
    selectorKey: Type.Union([Type.String(), Type.Null()]),
    label: Type.String(),
    priority: Type.Enum(TARGET_PRIORITIES),
    status: Type.Enum(TARGET_STATUSES),
    conflicts: Type.Integer({ description: 'deconfliction conflicts raised by this target' }),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Target = Static<typeof Target>;

/**
 * A deconfliction conflict as one side sees it: its own target, and of the other side only the
 * owner agency and a contact point (never the other operation's name or details).
 */
export const Conflict = Type.Object(
  {
    id: Uuid,
    status: Type.Enum(CONFLICT_STATUSES),
    matchLabel: Type.String({ description: 'my own target or register entry that matched' }),
    mine: Type.Object(
      {
        operationId: Type.Union([Uuid, Type.Null()]),
        targetId: Type.Union([Uuid, Type.Null()]),
        registerEntryId: Type.Union([Uuid, Type.Null()]),
        acknowledgedAt: Type.Union([IsoDateTime, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    other: Type.Object(
      {
        agencyId: Uuid,
        agencyName: Type.String(),
        country: CountryCode,
        contactPoint: Type.String(),
        acknowledged: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    resolution: Type.Union([Type.String(), Type.Null()]),
    resolvedAt: Type.Union([IsoDateTime, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Conflict = Static<typeof Conflict>;
export const ConflictResolution = Type.Object(
  { resolution: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const NewRegisterEntry = Type.Object(
  {
    entityId: Type.Optional(Uuid),
    selector: Type.Optional(SelectorRef),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    contactPoint: Contact,
  },
  { additionalProperties: false },
);
export type NewRegisterEntry = Static<typeof NewRegisterEntry>;
export const RegisterEntry = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    label: Type.String(),
    matchKey: Type.String(),
    contactPoint: Type.String(),
    active: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type RegisterEntry = Static<typeof RegisterEntry>;

export const NewTask = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 300 }),
    description: Type.String({ maxLength: 5000 }),
    assigneeAgencyId: Uuid,
    dueAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type NewTask = Static<typeof NewTask>;
export const TaskPatch = Type.Object({ status: Type.Enum(TASK_STATUSES) }, { additionalProperties: false });
export const Task = Type.Object(
  {
    id: Uuid,
    operationId: Uuid,
    title: Type.String(),
    description: Type.String(),
    assigneeAgencyId: Uuid,
    dueAt: IsoDateTime,
    status: Type.Enum(TASK_STATUSES),
    overdue: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Task = Static<typeof Task>;

export const NewMessage = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export const Message = Type.Object(
  {
    id: Uuid,
    operationId: Uuid,
    agencyId: Uuid,
    agencyName: Type.String(),
    body: Type.String(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Message = Static<typeof Message>;

const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Money = Type.String({ pattern: '^[0-9]{1,15}(\\.[0-9]{1,2})?$', description: 'decimal amount' });
export const NewResult = Type.Object(
  {
    agencyId: Type.Optional(Uuid),
    reportedOn: Day,
    arrests: Count,
    arrestNationalities: Type.Record(Type.String({ pattern: '^[A-Z]{2}$' }), Count, {
      description: 'arrests by nationality (ISO 3166-1 alpha-2); totals at most `arrests`',
    }),
    victimsRescued: Count,
    centresRaided: Count,
    devicesSeized: Count,
    accountsBlocked: Count,
    assetsFrozen: Money,
    assetsSeized: Money,
    currency: Type.String({ pattern: '^[A-Z]{3,5}$' }),
    rescueCaseIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    financeRefIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NewResult = Static<typeof NewResult>;
export const Result = Type.Object(
  {
    ...NewResult.properties,
    id: Uuid,
    operationId: Uuid,
    agencyId: Uuid,
    country: CountryCode,
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Result = Static<typeof Result>;

const Figures = {
  arrests: Type.Integer(),
  victimsRescued: Type.Integer(),
  centresRaided: Type.Integer(),
  devicesSeized: Type.Integer(),
  accountsBlocked: Type.Integer(),
};
const Amounts = Type.Array(
  Type.Object(
    { currency: Type.String(), frozen: Type.String(), seized: Type.String() },
    { additionalProperties: false },
  ),
);
export const ResultsDashboard = Type.Object(
  {
    totals: Type.Object({ ...Figures, countries: Type.Integer(), assets: Amounts }, { additionalProperties: false }),
    byCountry: Type.Array(
      Type.Object(
        {
          country: CountryCode,
          isoNumeric: Type.Union([Type.String({ description: 'ISO 3166-1 numeric, for maps' }), Type.Null()]),
          ...Figures,
          assets: Amounts,
        },
        { additionalProperties: false },
      ),
    ),
    overTime: Type.Array(Type.Object({ day: Day, ...Figures }, { additionalProperties: false })),
    nationalities: Type.Array(
      Type.Object({ nationality: Type.String(), arrests: Type.Integer() }, { additionalProperties: false }),
    ),
    results: Type.Array(Result),
  },
  { additionalProperties: false },
);
export type ResultsDashboard = Static<typeof ResultsDashboard>;

/** TLP:CLEAR, numbers only: what a press release may say. */
export const PublicSummary = Type.Object(
  {
    tlp: Type.Literal('CLEAR'),
    operationId: Uuid,
    periodStart: Day,
    periodEnd: Day,
    countries: Type.Integer(),
    ...Figures,
    assets: Amounts,
    text: Type.String(),
  },
  { additionalProperties: false },
);
export type PublicSummary = Static<typeof PublicSummary>;
