import {
  LookupRequest,
  LookupResult,
  MoTag,
  NewReport,
  Report,
  ReportSummary,
  type Role,
  Uuid,
} from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import { agencyInfos } from './agencies-lookup.ts';
import type { IntelFeature } from './index.ts';
import { toStixBundle } from './stix/index.ts';

/** Who reads intelligence, and who submits it (administrators manage accounts, not intelligence). */
export const INTEL_READERS: Role[] = [
  'analyst',
  'investigator',
  'supervisor',
  'finance',
  'case-worker',
  'hub-reviewer',
];
export const INTEL_WRITERS: Role[] = ['analyst', 'investigator', 'supervisor', 'finance'];
export const TAXONOMY_READERS: Role[] = [...INTEL_READERS, 'hub-admin'];
export const read = { auth: { roles: INTEL_READERS, scopes: ['intel:read' as const] } };
export const write = { auth: { roles: INTEL_WRITERS, scopes: ['intel:write' as const] } };
const tags = ['intelligence'];
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const reportRoutes: FastifyPluginAsyncTypebox<{ intel: IntelFeature }> = async (app, { intel }) => {
  app.post(
    '/api/intel/reports',
    {
      config: write,
      schema: {
        tags,
        summary: 'Submit a report: entities are normalised, stored and cross-matched',
        body: NewReport,
        response: { 201: Report },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await intel.reports.submit(viewerOf(request), request.body, { requestId: request.id })),
  );
  app.get(
    '/api/intel/reports',
    {
      config: read,
      schema: {
        tags,
        summary: 'Reports I may read, newest first',
        querystring: Type.Object(
          { ...Paging, mine: Type.Optional(Type.Boolean()), moTag: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ReportSummary) },
      },
    },
    (request) =>
      intel.reports.list(viewerOf(request), {
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
        ...request.query,
      }),
  );
  app.get(
    '/api/intel/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report with its entities, relationships and hits',
        params: Type.Object({ id: Uuid }),
        response: { 200: Report },
      },
    },
    (request) => intel.reports.get(viewerOf(request), request.params.id),
  );
  app.get(
    '/api/intel/reports/:id/stix',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report as a STIX 2.1 bundle (markings, selectors, relationships)',
        params: Type.Object({ id: Uuid }),
      },
    },
    async (request, reply) => {
      const report = await intel.reports.get(viewerOf(request), request.params.id);
      const infos = await agencyInfos(intel.database.db, [report.ownerAgencyId]);
      const bundle = toStixBundle(report, {
        agencies: new Map([...infos].map(([id, a]) => [id, { name: a.name, country: a.country }])),
      });
      return reply
        .header('content-disposition', `attachment; filename="cordon-report-${report.id}.stix.json"`)
        .type('application/stix+json;version=2.1')
        .send(JSON.stringify(bundle));
    },
  );
  app.get(
    '/api/intel/taxonomy',
    {
      // The hub's administrators keep the taxonomy without reading intelligence.
      config: { auth: { roles: TAXONOMY_READERS, scopes: ['intel:read' as const] } },
      schema: { tags, summary: 'The modus-operandi taxonomy', response: { 200: Type.Array(MoTag) } },
    },
    () => intel.taxonomy.list(),
  );
  app.post(
    '/api/intel/taxonomy',
    {
      config: { auth: { roles: ['hub-admin', 'hub-reviewer'] } },
      schema: { tags, summary: 'Extend the taxonomy (hub)', body: MoTag, response: { 201: MoTag } },
    },
    async (request, reply) =>
      reply.status(201).send(await intel.taxonomy.add(viewerOf(request), request.body, request.id)),
  );
  app.get(
    '/api/intel/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'One box: selectors (normalised as typed), names (fuzzy, any script), scam centres, modus operandi',
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
      },
    },
    (request) => intel.search.search(viewerOf(request), request.query.q),
  );
  app.post(
    '/api/intel/lookup',
    {
      config: read,
      schema: {
        tags,
        summary: 'Hit / no-hit for up to 1,000 selectors',
        body: LookupRequest,
        response: { 200: Type.Array(LookupResult) },
      },
    },
    (request) => intel.search.lookup(viewerOf(request), request.body),
  );
};
