import {
  Campaign,
  CampaignChanges,
  CheckResult,
  ConsoleDirectoryEntry,
  CountryCode,
  DirectoryEntry,
  DirectoryEntryChanges,
  FollowUpRequest,
  FollowUpStatus,
  FollowUpStatusRequest,
  JobCheckRequest,
  MessageCheckRequest,
  NewCampaign,
  NewDirectoryEntry,
  NewMissingRelative,
  NewScamReport,
  PORTAL_LANGUAGES,
  PublicCampaign,
  PublicReceipt,
  ReachEvent,
  ReachRow,
  TRIAGE_KINDS,
  TRIAGE_STATUSES,
  TriageDecision,
  TriageItem,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import { CAMPAIGN_ROLES } from './campaigns.service.ts';
import { DIRECTORY_ROLES } from './directory.service.ts';
import type { AwarenessFeature } from './index.ts';
import { TRIAGE_ROLES } from './triage.service.ts';

/** Requests per client address and minute on the public routes (kept in memory only, never stored). */
export interface PublicRateLimits {
  checks: number;
  reports: number;
  reads: number;
}
export const DEFAULT_PUBLIC_RATE_LIMITS: PublicRateLimits = { checks: 30, reports: 5, reads: 120 };

const tags = ['public portal'];
const consoleTags = ['awareness'];
const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });
const Reference = Type.String({ pattern: '^CRD-[0-9A-Z]{4}-[0-9A-Z]{4}$' });

export const awarenessRoutes: FastifyPluginAsyncTypebox<{
  awareness: AwarenessFeature;
  limits: PublicRateLimits;
}> = async (app, { awareness, limits }) => {
  const check = { auth: 'public' as const, rateLimit: perMinute(limits.checks) };
  const report = { auth: 'public' as const, rateLimit: perMinute(limits.reports) };
  const read = { auth: 'public' as const, rateLimit: perMinute(limits.reads) };

  app.post(
    '/api/public/check/job',
    {
      config: check,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: 'Check a job offer: risk level and reasons',
        body: JobCheckRequest,
        response: { 200: CheckResult },
      },
    },
    (request) => awareness.public.checkJob(request.body),
  );
  app.post(
    '/api/public/check/message',
    {
      config: check,
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        summary: 'Check a message from a stranger',
        body: MessageCheckRequest,
        response: { 200: CheckResult },
      },
    },
    (request) => awareness.public.checkMessage(request.body),
  );
  app.post(
    '/api/public/reports/scam',
    {
      config: report,
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        summary: 'Report a scam: goes, unverified, to the triage queue of the country’s agency',
        body: NewScamReport,
        response: { 201: PublicReceipt },
      },
    },
    async (request, reply) => {
      if (request.body.website) return reply.status(201).send(awareness.public.decoyReceipt());
      return reply.status(201).send(await awareness.public.reportScam(request.body, request.id));
    },
  );
  app.post(
    '/api/public/reports/missing-relative',
    {
      config: report,
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        summary: 'Report a relative who may be held in a scam centre (triage for rescue)',
        body: NewMissingRelative,
        response: { 201: PublicReceipt },
      },
    },
    async (request, reply) => {
      if (request.body.website) return reply.status(201).send(awareness.public.decoyReceipt());
      return reply.status(201).send(await awareness.public.reportMissingRelative(request.body, request.id));
    },
  );
  app.post(
    '/api/public/reports/:reference/status',
    {
      config: report,
      bodyLimit: 4 * 1024,
      schema: {
        tags,
        summary: 'Status of my report (the token of the private link proves it is mine)',
        params: Type.Object({ reference: Reference }),
        body: FollowUpStatusRequest,
        response: { 200: FollowUpStatus },
      },
    },
    (request) => awareness.public.status(request.params.reference, request.body.token),
  );
  app.post(
    '/api/public/reports/:reference/additions',
    {
      config: report,
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        summary: 'Add information to my report',
        params: Type.Object({ reference: Reference }),
        body: FollowUpRequest,
        response: { 200: FollowUpStatus },
      },
    },
    (request) =>
      awareness.public.addInformation(request.params.reference, request.body.token, request.body.text, request.id),
  );
  app.get(
    '/api/public/campaigns',
    {
      config: read,
      schema: {
        tags,
        summary: 'Active awareness campaigns for a language and country',
        querystring: Type.Object(
          { lang: Type.Optional(Type.Enum(PORTAL_LANGUAGES)), country: Type.Optional(CountryCode) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(PublicCampaign) },
      },
    },
    (request) => awareness.campaigns.active(request.query.lang ?? 'en', request.query.country),
  );
  app.post(
    '/api/public/campaigns/:code/reach',
    {
      config: read,
      bodyLimit: 1024,
      schema: {
        tags,
        summary: 'Count one view or click of a campaign (aggregate counter; nothing about the visitor is kept)',
        params: Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{3,40}$' }) }),
        body: ReachEvent,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await awareness.campaigns.record(request.params.code, request.body.kind, request.body.country);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/public/directory',
    {
      config: read,
      schema: {
        tags,
        summary: 'Support directory: hotlines, shelters, embassies, NGOs, reporting points',
        querystring: Type.Object({ country: Type.Optional(CountryCode) }, { additionalProperties: false }),
        response: { 200: Type.Array(DirectoryEntry) },
      },
    },
    (request) => awareness.directory.list(request.query.country),
  );

  // Console (signed-in officers)
  app.get(
    '/api/awareness/triage',
    {
      config: { auth: { roles: TRIAGE_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'My agency’s queue of public reports',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(TRIAGE_STATUSES)),
            kind: Type.Optional(Type.Enum(TRIAGE_KINDS)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(TriageItem) },
      },
    },
    (request) =>
      awareness.triage.list(
        viewerOf(request),
        { ...request.query, limit: request.query.limit ?? 50, offset: request.query.offset ?? 0 },
        request.id,
      ),
  );
  app.post(
    '/api/awareness/triage/:id/decision',
    {
      config: { auth: { roles: TRIAGE_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Verify (a scam report becomes an intelligence report) or reject',
        params: Type.Object({ id: Uuid }),
        body: TriageDecision,
        response: { 200: TriageItem },
      },
    },
    (request) => awareness.triage.decide(viewerOf(request), request.params.id, request.body, request.id),
  );
  app.get(
    '/api/awareness/campaigns',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'My agency’s campaigns with reach totals',
        response: { 200: Type.Array(Campaign) },
      },
    },
    (request) => awareness.campaigns.list(viewerOf(request)),
  );
  app.post(
    '/api/awareness/campaigns',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: { tags: consoleTags, summary: 'Create a campaign', body: NewCampaign, response: { 201: Campaign } },
    },
    async (request, reply) =>
      reply.status(201).send(await awareness.campaigns.create(viewerOf(request), request.body, request.id)),
  );
  app.get(
    '/api/awareness/campaigns/:id/reach',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Reach of a campaign per day, country and kind',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(ReachRow) },
      },
    },
    (request) => awareness.campaigns.reach(viewerOf(request), request.params.id),
  );
  app.patch(
    '/api/awareness/campaigns/:id',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Edit a campaign that has not ended (the code stays; a started campaign keeps its start date)',
        params: Type.Object({ id: Uuid }),
        body: CampaignChanges,
        response: { 200: Campaign },
      },
    },
    (request) => awareness.campaigns.update(viewerOf(request), request.params.id, request.body, request.id),
  );
  app.post(
    '/api/awareness/campaigns/:id/end',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'End a campaign now (the portal stops showing it; its reach stays)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Campaign },
      },
    },
    (request) => awareness.campaigns.end(viewerOf(request), request.params.id, request.id),
  );
  app.delete(
    '/api/awareness/campaigns/:id',
    {
      config: { auth: { roles: CAMPAIGN_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Delete a campaign with no recorded reach (one with reach is ended instead: 409)',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (request, reply) => {
      await awareness.campaigns.remove(viewerOf(request), request.params.id, request.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/awareness/directory',
    {
      config: { auth: { roles: DIRECTORY_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'The support directory with who maintains each entry and what I may change',
        querystring: Type.Object({ country: Type.Optional(CountryCode) }, { additionalProperties: false }),
        response: { 200: Type.Array(ConsoleDirectoryEntry) },
      },
    },
    (request) => {
      const viewer = viewerOf(request);
      return awareness.directory.forConsole(viewer, viewer.roles.includes('hub-admin'), request.query.country);
    },
  );
  app.patch(
    '/api/awareness/directory/:id',
    {
      config: { auth: { roles: DIRECTORY_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Change an entry my agency added (the hub: any entry)',
        params: Type.Object({ id: Uuid }),
        body: DirectoryEntryChanges,
        response: { 200: ConsoleDirectoryEntry },
      },
    },
    (request) => {
      const viewer = viewerOf(request);
      return awareness.directory.update(
        viewer,
        request.params.id,
        request.body,
        viewer.roles.includes('hub-admin'),
        request.id,
      );
    },
  );
  app.post(
    '/api/awareness/directory',
    {
      config: { auth: { roles: DIRECTORY_ROLES } },
      schema: {
        tags: consoleTags,
        summary: 'Add a support-directory entry for my country (the hub: any country)',
        body: NewDirectoryEntry,
        response: { 201: DirectoryEntry },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const isHub = viewer.roles.includes('hub-admin');
      return reply.status(201).send(await awareness.directory.add(viewer, request.body, isHub, request.id));
    },
  );
  app.delete(
    '/api/awareness/directory/:id',
    {
      config: { auth: { roles: DIRECTORY_ROLES } },
      schema: { tags: consoleTags, summary: 'Remove an entry my agency added', params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      await awareness.directory.remove(viewer, request.params.id, viewer.roles.includes('hub-admin'), request.id);
      return reply.status(204).send();
    },
  );
};
