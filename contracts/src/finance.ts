import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { Marking } from './markings.ts';

export const ACCOUNT_TYPES = ['iban', 'bank-account', 'crypto', 'ewallet'] as const;
export const ACCOUNT_TAGS = ['exchange', 'otc-desk', 'payment-processor', 'mule', 'collection'] as const;
export const TX_SOURCES = ['loss-report', 'str', 'chain', 'manual'] as const;
export const TRACE_MODELS = ['fifo', 'proportional', 'poison'] as const;
export const FREEZE_STATES = [
  'draft',
  'sent',
  'acknowledged',
  'frozen',
  'declined',
  'expired',
  'released',
  'seized',
  'forfeited',
  'returned',
] as const;
export const LEDGER_KINDS = ['freeze', 'release', 'seize', 'forfeit', 'return'] as const;
export type FreezeState = (typeof FREEZE_STATES)[number];
export type AccountTag = (typeof ACCOUNT_TAGS)[number];

/** An amount as a plain decimal string in its currency ("1250.50", "0.00012345"): never a float. */
export const Amount = Type.String({ maxLength: 64, description: 'plain decimal string, e.g. 1250.50' });
const Code = Type.String({ minLength: 1, maxLength: 12, description: 'ISO 4217 code or token (USDT, BTC, ETH…)' });
const Ref = Type.String({ minLength: 1, maxLength: 200 });

/** An account as given: an IBAN, a national account number (+ country, bank), a wallet, an e-wallet. */
export const AccountInput = Type.Object(
  {
    type: Type.Enum(ACCOUNT_TYPES),
    value: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.Optional(Type.String({ maxLength: 2 })),
    bank: Type.Optional(Type.String({ maxLength: 64 })),
    chain: Type.Optional(Type.String({ maxLength: 20 })),
    provider: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type AccountInput = Static<typeof AccountInput>;

export const Account = Type.Object(
  {
    id: Uuid,
    key: Type.String(),
    type: Type.Enum(ACCOUNT_TYPES),
    display: Type.String(),
    country: Type.Union([Type.String(), Type.Null()]),
    chain: Type.Union([Type.String(), Type.Null()]),
    bank: Type.Union([Type.String(), Type.Null()]),
    provider: Type.Union([Type.String(), Type.Null()]),
    /** The tags the viewer may see under each tag's marking (its own agency's always). */
    tags: Type.Array(
      Type.Object({ agencyId: Uuid, tag: Type.Enum(ACCOUNT_TAGS), note: Type.String(), marking: Marking }),
    ),
  },
  { additionalProperties: false },
);
export type Account = Static<typeof Account>;

/** Tags anyone in the community may see by default: where money is cashed out is shared knowledge. */
export const COMMUNITY_TAGS: readonly AccountTag[] = ['exchange', 'otc-desk', 'payment-processor'];

export const NewTransaction = Type.Object(
  {
    sourceKey: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    from: Type.Optional(Type.Union([AccountInput, Type.Null()])),
    to: AccountInput,
    amount: Amount,
    currency: Code,
    occurredAt: IsoDateTime,
    victimRef: Type.Optional(Ref),
    victimCountry: Type.Optional(CountryCode),
    caseRef: Type.Optional(Ref),
    txHash: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type NewTransaction = Static<typeof NewTransaction>;

export const NewTransactionBatch = Type.Object(
  {
    source: Type.Enum(TX_SOURCES),
    marking: Marking,
    rows: Type.Array(NewTransaction, { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type NewTransactionBatch = Static<typeof NewTransactionBatch>;

export const RowError = Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() });
export const BatchResult = Type.Object(
  {
    created: Type.Integer(),
    existing: Type.Integer(),
    errors: Type.Array(RowError),
    ids: Type.Array(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type BatchResult = Static<typeof BatchResult>;

export const Transaction = Type.Object(
  {
    id: Uuid,
    ownerAgencyId: Uuid,
    source: Type.Enum(TX_SOURCES),
    sourceKey: Type.String(),
    fromKey: Type.Union([Type.String(), Type.Null()]),
    toKey: Type.String(),
    amount: Amount,
    currency: Type.String(),
    usd: Type.Union([Amount, Type.Null()]),
    occurredAt: IsoDateTime,
    victimRef: Type.Union([Type.String(), Type.Null()]),
    victimCountry: Type.Union([Type.String(), Type.Null()]),
    caseRef: Type.Union([Type.String(), Type.Null()]),
    txHash: Type.Union([Type.String(), Type.Null()]),
    marking: Marking,
  },
  { additionalProperties: false },
);
export type Transaction = Static<typeof Transaction>;

export const RateRow = Type.Object(
  { currency: Code, validFrom: Type.String({ format: 'date' }), usd: Amount },
  { additionalProperties: false },
);
export type RateRow = Static<typeof RateRow>;

export const TraceRequest = Type.Object(
  {
    transactionIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500 })),
    accountId: Type.Optional(Uuid),
    direction: Type.Optional(Type.Enum(['forward', 'backward'] as const)),
    model: Type.Optional(Type.Enum(TRACE_MODELS)),
    hops: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false },
);
export type TraceRequest = Static<typeof TraceRequest>;

const ByOrigin = Type.Record(Type.String(), Amount);
export const TraceResult = Type.Object(
  {
    model: Type.Enum(TRACE_MODELS),
    direction: Type.Enum(['forward', 'backward'] as const),
    hops: Type.Integer(),
    currency: Type.String(),
    origins: Type.Array(Type.Object({ id: Type.String(), transactionId: Uuid, amount: Amount })),
    nodes: Type.Array(
      Type.Object({
        accountId: Uuid,
        key: Type.String(),
        display: Type.String(),
        type: Type.Enum(ACCOUNT_TYPES),
        country: Type.Union([Type.String(), Type.Null()]),
        tags: Type.Array(Type.Enum(ACCOUNT_TAGS)),
        hop: Type.Integer(),
        received: Amount,
        sent: Amount,
        held: Amount,
        heldUsd: Type.Union([Amount, Type.Null()]),
        heldByOrigin: ByOrigin,
        horizon: Type.Boolean(),
      }),
    ),
    edges: Type.Array(
      Type.Object({
        transactionId: Uuid,
        from: Type.Union([Uuid, Type.Null()]),
        to: Uuid,
        at: IsoDateTime,
        amount: Amount,
        traced: Amount,
        hop: Type.Integer(),
        byOrigin: ByOrigin,
      }),
    ),
  },
  { additionalProperties: false },
);
export type TraceResult = Static<typeof TraceResult>;

export const Detection = Type.Object({
  kind: Type.Enum(['collection', 'mule', 'cash-out'] as const),
  accountId: Uuid,
  key: Type.String(),
  display: Type.String(),
  score: Type.Number(),
  evidence: Type.Array(Type.String()),
  transactionIds: Type.Array(Uuid),
});
export type Detection = Static<typeof Detection>;

export const NewFreeze = Type.Object(
  {
    targetAgencyId: Uuid,
    accountId: Uuid,
    amount: Amount,
    currency: Code,
    originTransactionIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
    model: Type.Optional(Type.Enum(TRACE_MODELS)),
    legalBasis: Type.String({ minLength: 3, maxLength: 2000 }),
    evidence: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 })),
    deadlineHours: Type.Integer({ minimum: 1, maximum: 720 }),
    caseRef: Ref,
    operationRef: Type.Optional(Ref),
    overrideReason: Type.Optional(Type.String({ minLength: 10, maxLength: 2000 })),
    send: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewFreeze = Static<typeof NewFreeze>;

/** Changes to a draft freeze request (only the requester, only before it is sent). */
export const FreezeDraftEdit = Type.Partial(
  Type.Pick(NewFreeze, [
    'targetAgencyId',
    'amount',
    'legalBasis',
    'evidence',
    'deadlineHours',
    'caseRef',
    'operationRef',
    'overrideReason',
  ]),
  { additionalProperties: false, minProperties: 1 },
);
export type FreezeDraftEdit = Static<typeof FreezeDraftEdit>;

export const FreezeTransition = Type.Object(
  {
    to: Type.Enum(FREEZE_STATES),
    amount: Type.Optional(Amount),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type FreezeTransition = Static<typeof FreezeTransition>;

export const Freeze = Type.Object(
  {
    id: Uuid,
    requesterAgencyId: Uuid,
    targetAgencyId: Uuid,
    account: Type.Object({ id: Uuid, key: Type.String(), display: Type.String() }),
    currency: Type.String(),
    amount: Amount,
    tracedAmount: Amount,
    frozenAmount: Type.Union([Amount, Type.Null()]),
    overrideReason: Type.Union([Type.String(), Type.Null()]),
    legalBasis: Type.String(),
    evidence: Type.Array(Type.String()),
    deadlineHours: Type.Integer(),
    sentAt: Type.Union([IsoDateTime, Type.Null()]),
    deadlineAt: Type.Union([IsoDateTime, Type.Null()]),
    state: Type.Enum(FREEZE_STATES),
    caseRef: Type.String(),
    operationRef: Type.Union([Type.String(), Type.Null()]),
    country: Type.String(),
    model: Type.Enum(TRACE_MODELS),
    attribution: Type.Record(Type.String(), Amount),
    history: Type.Array(
      Type.Object({
        from: Type.Union([Type.String(), Type.Null()]),
        to: Type.String(),
        agencyId: Type.Union([Uuid, Type.Null()]),
        note: Type.String(),
        at: IsoDateTime,
      }),
    ),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Freeze = Static<typeof Freeze>;

export const LedgerEntry = Type.Object({
  id: Type.Integer(),
  freezeId: Uuid,
  kind: Type.Enum(LEDGER_KINDS),
  amount: Amount,
  currency: Type.String(),
  usd: Type.Union([Amount, Type.Null()]),
  victimRef: Type.Union([Type.String(), Type.Null()]),
  occurredAt: IsoDateTime,
});
export type LedgerEntry = Static<typeof LedgerEntry>;

export const LEDGER_GROUPS = ['case', 'operation', 'country', 'currency'] as const;
export const Balance = Type.Object({
  group: Type.Union([Type.String(), Type.Null()]),
  currency: Type.String(),
  frozen: Amount,
  seized: Amount,
  forfeited: Amount,
  returned: Amount,
  usd: Type.Object({
    frozen: Type.Union([Amount, Type.Null()]),
    seized: Type.Union([Amount, Type.Null()]),
    forfeited: Type.Union([Amount, Type.Null()]),
    returned: Type.Union([Amount, Type.Null()]),
  }),
});
export type Balance = Static<typeof Balance>;
