import { Marking } from '@cordon/contracts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ValidationError } from '../http/errors.ts';
import { validateMarking } from './markings.ts';

/**
 * `POST /api/markings/validate`: the check every marked write runs, offered on its own so
 * forms and machine clients can test a marking before they submit a record.
 */
export const markingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/markings/validate',
    {
      config: { auth: { scopes: ['intel:write'] } },
      schema: {
        tags: ['markings'],
        summary: 'Check a marking (TLP 2.0, audience, PAP, Admiralty grade) for contradictions',
        body: Type.Object({ marking: Marking }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const issues = validateMarking(request.body.marking);
      if (issues.length > 0)
        throw new ValidationError(issues, issues.map((i) => `${i.field}: ${i.message}`).join('; '));
      return reply.status(204).send();
    },
  );
};
