import { Entity, EntityPlace, MapCentre, TimelineEvent, Uuid } from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { viewerOf } from '../../platform/auth/plugin.ts';
import { agencyInfos } from './agencies-lookup.ts';
import type { IntelFeature } from './index.ts';
import { read } from './intel.routes.ts';
import { type StixBundle, toStixBundle } from './stix/index.ts';

const tags = ['intelligence'];
const Node = Type.String({ minLength: 3, maxLength: 600, description: 'an entity id, a selector key or report:<id>' });

export const linkRoutes: FastifyPluginAsyncTypebox<{ intel: IntelFeature }> = async (app, { intel }) => {
  app.get(
    '/api/intel/entities/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An entity and the same selector in other reports you may read',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Object({ entity: Entity, sameKey: Type.Array(Entity) }) },
      },
    },
    (request) => intel.links.entity(viewerOf(request), request.params.id),
  );
  app.get(
    '/api/intel/entities/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Every report, relationship, hit and disclosure touching an entity (or the same selector), oldest first',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(TimelineEvent) },
      },
    },
    (request) => intel.entityContext.timeline(viewerOf(request), request.params.id),
  );
  app.get(
    '/api/intel/entities/:id/places',
    {
      config: read,
      schema: {
        tags,
        summary: 'The scam centres an entity is or is linked to (up to two relationships away), with a location',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(EntityPlace) },
      },
    },
    (request) => intel.entityContext.places(viewerOf(request), request.params.id),
  );
  app.get(
    '/api/intel/graph/neighbourhood',
    {
      config: read,
      schema: {
        tags,
        summary: 'The k-hop neighbourhood of a node',
        querystring: Type.Object(
          {
            node: Node,
            hops: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
            limit: Type.Optional(Type.Integer({ minimum: 10, maximum: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    (request) =>
      intel.links.neighbourhood(
        viewerOf(request),
        request.query.node,
        request.query.hops ?? 2,
        request.query.limit ?? 300,
      ),
  );
  app.get(
    '/api/intel/graph/path',
    {
      config: read,
      schema: {
        tags,
        summary: 'The shortest path between two nodes',
        querystring: Type.Object(
          { from: Node, to: Node, maxHops: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) },
          { additionalProperties: false },
        ),
      },
    },
    (request) => intel.links.path(viewerOf(request), request.query.from, request.query.to, request.query.maxHops ?? 6),
  );
  app.get(
    '/api/intel/graph/networks',
    {
      config: read,
      schema: {
        tags,
        summary: 'Networks (connected components) by size, with key players by PageRank and degree',
        querystring: Type.Object(
          { top: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
      },
    },
    (request) => intel.links.networks(viewerOf(request), request.query.top ?? 20),
  );
  app.get(
    '/api/intel/graph/networks/stix',
    {
      config: read,
      schema: {
        tags,
        summary: 'The network of a node as one STIX 2.1 bundle (every report of it that you may read)',
        querystring: Type.Object({ node: Node }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const ids = (await intel.links.networkReports(viewer, request.query.node)).slice(0, 500);
      const reports = [];
      for (const id of ids) reports.push(await intel.reports.get(viewer, id));
      const infos = await agencyInfos(
        intel.database.db,
        reports.map((r) => r.ownerAgencyId),
      );
      const agencies = new Map([...infos].map(([id, a]) => [id, { name: a.name, country: a.country }]));
      // One bundle: the reports' objects merged, each STIX id once (selectors share deterministic ids).
      const objects = new Map<string, StixBundle['objects'][number]>();
      for (const r of reports)
        for (const o of toStixBundle(r, { agencies }).objects)
          if (!objects.has(String(o.id))) objects.set(String(o.id), o);
      const bundle = { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [...objects.values()] };
      return reply.type('application/stix+json;version=2.1').send(JSON.stringify(bundle));
    },
  );
  app.get(
    '/api/intel/map',
    {
      config: read,
      schema: {
        tags,
        summary: 'Scam centres with a location, filterable by modus operandi and period',
        querystring: Type.Object(
          {
            moTag: Type.Optional(Type.String()),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(MapCentre) },
      },
    },
    (request) => intel.links.map(viewerOf(request), request.query),
  );
};
