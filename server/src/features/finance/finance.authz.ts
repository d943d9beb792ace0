import type { RouteRule } from '../../../test/authz.ts';
import { FINANCE_READERS, FINANCE_WRITERS, SILVER_DRAFTERS } from './finance.routes.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const marking = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'C', credibility: '3' };
const account = { type: 'iban', value: 'DE89370400440532013000' };
const r = { roles: FINANCE_READERS, scopes: ['finance:read' as const] };
const w = { roles: FINANCE_WRITERS, scopes: ['finance:write' as const] };

export const financeRoutes: RouteRule[] = [
  { method: 'POST', url: '/api/finance/accounts', ...w, body: account },
  { method: 'GET', url: '/api/finance/accounts', ...r },
  { method: 'GET', url: `/api/finance/accounts/${ZERO}`, ...r },
  {
    method: 'POST',
    url: '/api/finance/silver-notice',
    roles: SILVER_DRAFTERS,
    scopes: ['notices:write'],
    body: { accountIds: [ZERO] },
  },
  { method: 'POST', url: `/api/finance/accounts/${ZERO}/tags`, ...w, body: { tag: 'mule' } },
  {
    method: 'POST',
    url: '/api/finance/transactions',
    ...w,
    body: {
      source: 'manual',
      marking,
      transaction: { to: account, amount: '10', currency: 'EUR', occurredAt: '2026-05-01T00:00:00Z' },
    },
  },
  {
    method: 'POST',
    url: '/api/finance/transactions/import',
    ...w,
    body: {
      source: 'str',
      marking,
      rows: [{ to: account, amount: '10', currency: 'EUR', occurredAt: '2026-05-01T00:00:00Z' }],
    },
  },
  { method: 'GET', url: '/api/finance/rates', ...r },
  {
    method: 'PUT',
    url: '/api/finance/rates',
    ...w,
    body: { rows: [{ currency: 'EUR', validFrom: '2026-01-01', usd: '1.1' }] },
  },
  { method: 'POST', url: '/api/finance/trace', ...r, body: { transactionIds: [ZERO] } },
  { method: 'POST', url: '/api/finance/trace/export?format=csv', ...r, body: { transactionIds: [ZERO] } },
  { method: 'GET', url: '/api/finance/detections', ...r },
  {
    method: 'POST',
    url: '/api/finance/freezes',
    ...w,
    body: {
      targetAgencyId: ZERO,
      accountId: ZERO,
      amount: '10',
      currency: 'EUR',
      originTransactionIds: [ZERO],
      legalBasis: 'Matrix',
      deadlineHours: 24,
      caseRef: 'M-1',
    },
  },
  { method: 'GET', url: '/api/finance/freezes', ...r },
  { method: 'GET', url: `/api/finance/freezes/${ZERO}`, ...r },
  { method: 'POST', url: `/api/finance/freezes/${ZERO}/transition`, ...w, body: { to: 'sent' } },
  { method: 'GET', url: '/api/finance/ledger', ...r },
  { method: 'GET', url: '/api/finance/ledger/balances', ...r },
];
