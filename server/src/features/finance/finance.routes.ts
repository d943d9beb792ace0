import {
  ACCOUNT_TAGS,
  Account,
  AccountInput,
  Balance,
  BatchResult,
  CountryCode,
  Detection,
  FREEZE_STATES,
  Freeze,
  FreezeDraftEdit,
  FreezeTransition,
  LEDGER_GROUPS,
  LedgerEntry,
  Marking,
  NewFreeze,
  NewTransaction,
  NewTransactionBatch,
  RateRow,
  type Role,
  TraceRequest,
  TraceResult,
  Transaction,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import type { FinanceFeature } from './index.ts';
import { traceToCsv, traceToStix } from './trace-export.ts';

/** Who reads financial intelligence, and who records transactions and handles freezes. */
export const FINANCE_READERS: Role[] = ['finance', 'investigator', 'analyst', 'supervisor', 'hub-reviewer'];
export const FINANCE_WRITERS: Role[] = ['finance', 'investigator', 'supervisor'];
export const read = { auth: { roles: FINANCE_READERS, scopes: ['finance:read' as const] } };
export const write = { auth: { roles: FINANCE_WRITERS, scopes: ['finance:write' as const] } };
/** Drafting a notice from accounts: finance writers who may also draft notices. */
export const SILVER_DRAFTERS: Role[] = ['investigator', 'supervisor'];
const SilverNoticeBody = Type.Object(
  {
    accountIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    subject: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 2, maxLength: 200 }),
          nationalities: Type.Array(CountryCode, { minItems: 1, maxItems: 5, uniqueItems: true }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const tags = ['finance'];
const Id = Type.Object({ id: Uuid });

export const financeRoutes: FastifyPluginAsyncTypebox<{ finance: FinanceFeature }> = async (app, { finance }) => {
  const { accounts, transactions, tracing, freezes, ledger } = finance;
  app.post(
    '/api/finance/accounts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register or find an account or wallet by its canonical key',
        body: AccountInput,
        response: { 200: Account },
      },
    },
    (request) => accounts.resolveAccount(viewerOf(request), request.body),
  );
  app.get(
    '/api/finance/accounts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Accounts in transactions I may read, or tagged by my agency',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Account) },
      },
    },
    (request) =>
      accounts.listAccounts(viewerOf(request), {
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
        ...(request.query.q ? { q: request.query.q } : {}),
      }),
  );
  app.get(
    '/api/finance/accounts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An account with its tags and the transactions I may read',
        params: Id,
        response: { 200: Type.Object({ account: Account, transactions: Type.Array(Transaction) }) },
      },
    },
    async (request) => ({
      account: await accounts.account(viewerOf(request), request.params.id),
      transactions: await transactions.transactionsOf(viewerOf(request), request.params.id),
    }),
  );
  app.post(
    '/api/finance/accounts/:id/tags',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Tag an account for my agency (exchange, OTC desk, payment processor, mule, collection) under a marking (default: cash-out tags GREEN to all, mule and collection AMBER to my agency only); remove: true untags',
        params: Id,
        body: Type.Object(
          {
            tag: Type.Enum(ACCOUNT_TAGS),
            note: Type.Optional(Type.String({ maxLength: 500 })),
            remove: Type.Optional(Type.Boolean()),
            marking: Type.Optional(Marking),
          },
          { additionalProperties: false },
        ),
        response: { 200: Account },
      },
    },
    (request) =>
      accounts.tag(viewerOf(request), request.params.id, request.body.tag, request.body.note ?? '', {
        ...(request.body.remove ? { remove: true } : {}),
        ...(request.body.marking ? { marking: request.body.marking } : {}),
      }),
  );
  app.post(
    '/api/finance/transactions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record one transaction (refused whole if any field is bad)',
        body: Type.Object(
          { source: NewTransactionBatch.properties.source, marking: Marking, transaction: NewTransaction },
          { additionalProperties: false },
        ),
        response: { 201: BatchResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await transactions.record(
            viewerOf(request),
            { source: request.body.source, marking: request.body.marking, rows: [request.body.transaction] },
            { atomic: true, requestId: request.id },
          ),
        ),
  );
  app.post(
    '/api/finance/transactions/import',
    {
      config: write,
      schema: {
        tags,
        summary: 'Import rows (loss reports, bank STR files, chain exports): good rows stored, bad rows reported',
        body: NewTransactionBatch,
        response: { 200: BatchResult },
      },
    },
    (request) => transactions.record(viewerOf(request), request.body, { requestId: request.id }),
  );
  app.get(
    '/api/finance/rates',
    {
      config: read,
      schema: {
        tags,
        summary: 'USD rates by currency and date of validity',
        querystring: Type.Object(
          { currency: Type.Optional(Type.String({ maxLength: 12 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(RateRow) },
      },
    },
    (request) => transactions.rates(viewerOf(request), request.query.currency),
  );
  app.put(
    '/api/finance/rates',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add or correct USD rates (valid from a date until the next row)',
        body: Type.Object(
          { rows: Type.Array(RateRow, { minItems: 1, maxItems: 5000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ stored: Type.Integer() }) },
      },
    },
    async (request) => ({ stored: await transactions.putRates(viewerOf(request), request.body.rows) }),
  );
  app.post(
    '/api/finance/silver-notice',
    {
      config: { auth: { roles: SILVER_DRAFTERS, scopes: ['notices:write'] } },
      schema: {
        tags,
        summary: 'Draft a Silver Notice (asset tracing of a person) prefilled with accounts and wallets',
        body: SilverNoticeBody,
        response: { 201: Type.Object({ noticeId: Uuid }, { additionalProperties: false }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.draftSilverNotice(viewerOf(request), request.body, request.id)),
  );
  app.post(
    '/api/finance/trace',
    {
      config: read,
      schema: {
        tags,
        summary: 'Follow the money forward or backward N hops under an attribution model',
        body: TraceRequest,
        response: { 200: TraceResult },
      },
    },
    (request) => tracing.trace(viewerOf(request), request.body),
  );
  app.post(
    '/api/finance/trace/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The same trace as CSV or as a STIX 2.1 bundle',
        body: TraceRequest,
        querystring: Type.Object({ format: Type.Enum(['csv', 'stix'] as const) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const result = await tracing.trace(viewerOf(request), request.body);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="trace.csv"')
          .send(traceToCsv(result));
      }
      return reply
        .type('application/stix+json;version=2.1')
        .header('content-disposition', 'attachment; filename="trace.stix.json"')
        .send(traceToStix(result, { agencyId: viewerOf(request).agencyId, now: finance.clock.now().toISOString() }));
    },
  );
  app.get(
    '/api/finance/detections',
    {
      config: read,
      schema: {
        tags,
        summary: 'Collection accounts, mules and cash-out points, ranked, with evidence',
        response: { 200: Type.Array(Detection) },
      },
    },
    (request) => tracing.detections(viewerOf(request)),
  );
  app.post(
    '/api/finance/freezes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Request an urgent freeze from the agency of the account’s jurisdiction',
        body: NewFreeze,
        response: { 201: Freeze },
      },
    },
    async (request, reply) => reply.status(201).send(await freezes.create(viewerOf(request), request.body, request.id)),
  );
  app.get(
    '/api/finance/freezes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Freeze requests my agency sent or received',
        querystring: Type.Object(
          {
            state: Type.Optional(Type.Enum(FREEZE_STATES)),
            direction: Type.Optional(Type.Enum(['incoming', 'outgoing'] as const)),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Freeze) },
      },
    },
    (request) =>
      freezes.list(viewerOf(request), {
        ...(request.query.state ? { state: request.query.state } : {}),
        ...(request.query.direction ? { direction: request.query.direction } : {}),
      }),
  );
  app.get(
    '/api/finance/freezes/:id',
    {
      config: read,
      schema: { tags, summary: 'A freeze request with its history', params: Id, response: { 200: Freeze } },
    },
    (request) => freezes.get(viewerOf(request), request.params.id),
  );
  app.put(
    '/api/finance/freezes/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a draft freeze request (requester only, before it is sent; 409 after)',
        params: Id,
        body: FreezeDraftEdit,
        response: { 200: Freeze },
      },
    },
    (request) => freezes.editDraft(viewerOf(request), request.params.id, request.body, request.id),
  );
  app.post(
    '/api/finance/freezes/:id/transition',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move a freeze request to its next state',
        params: Id,
        body: FreezeTransition,
        response: { 200: Freeze },
      },
    },
    (request) => freezes.transition(viewerOf(request), request.params.id, request.body, request.id),
  );
  app.get(
    '/api/finance/ledger',
    {
      config: read,
      schema: {
        tags,
        summary: 'Asset ledger entries of my agency’s freeze requests',
        querystring: Type.Object({ freezeId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Array(LedgerEntry) },
      },
    },
    (request) => ledger.ledger(viewerOf(request), request.query.freezeId),
  );
  app.get(
    '/api/finance/ledger/balances',
    {
      config: read,
      schema: {
        tags,
        summary: 'Frozen, seized, forfeited and returned balances derived from the ledger',
        querystring: Type.Object({ by: Type.Optional(Type.Enum(LEDGER_GROUPS)) }, { additionalProperties: false }),
        response: { 200: Type.Array(Balance) },
      },
    },
    (request) => ledger.balances(viewerOf(request), request.query.by ?? 'currency'),
  );
};
