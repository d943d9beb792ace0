import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

export const PROBLEM_BASE = '/problems/';
export const PROBLEM_TYPE = 'application/problem+json';

interface AjvIssue {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const BRANCH = /^(.*\/anyOf)\/(\d+)\//;

/**
 * A value checked against a union (e.g. an audience: all | regions | agencies) fails every
 * branch, and Ajv reports them all. Keep only the branches whose discriminating constant
 * (`kind`) matched, and drop the union's own summary when a branch explains the failure.
 */
export function unionBranchesThatApply(issues: AjvIssue[]): AjvIssue[] {
  const branchOf = (i: AjvIssue) => i.schemaPath?.match(BRANCH);
  const wrongBranch = new Set<string>();
  for (const i of issues) {
    const m = branchOf(i);
    if (m && i.keyword === 'const') wrongBranch.add(`${i.instancePath.replace(/\/[^/]*$/, '')}|${m[1]}/${m[2]}`);
  }
  if (wrongBranch.size === 0) return issues;
  const kept = issues.filter((i) => {
    const m = branchOf(i);
    if (!m) return true;
    return ![...wrongBranch].some((w) => w.endsWith(`|${m[1]}/${m[2]}`));
  });
  const explained = kept.some((i) => branchOf(i));
  return explained ? kept.filter((i) => i.keyword !== 'anyOf') : kept;
}

/** Ajv's issue → the dotted field at fault (`marking.audience.kind`) and a plain message. */
export function fieldOf(issue: AjvIssue, part: string | undefined): FieldError {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  const extra = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  const field = [path, extra].filter(Boolean).join('.') || (part ?? 'body');
  let message = issue.message ?? 'is invalid';
  if (issue.keyword === 'additionalProperties') message = 'is not a known field';
  if (issue.keyword === 'required') message = 'is required';
  return { field, message };
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type(PROBLEM_TYPE)
    .send({ ...body, status, instance: request.url, requestId: request.id });
}

const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['too-many-requests', 'Too many requests'],
};

/** One handler maps every error to RFC 9457 problem+json; 5xx hide their internals. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.title);
      if (error.headers) reply.headers(error.headers);
      return send(reply, request, error.status, {
        type: PROBLEM_BASE + error.slug,
        title: error.title,
        detail: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    if (error.validation) {
      const errors = unionBranchesThatApply(error.validation as AjvIssue[]).map((i) =>
        fieldOf(i, error.validationContext),
      );
      const dedup = errors.filter(
        (e, i) => errors.findIndex((x) => x.field === e.field && x.message === e.message) === i,
      );
      return send(reply, request, 400, {
        type: `${PROBLEM_BASE}validation`,
        title: 'Invalid request',
        detail: dedup.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors: dedup,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [slug, title] = CLIENT_ERRORS[status] ?? ['client-error', 'Bad request'];
      const malformed = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
      const field = malformed ? 'body' : undefined;
      return send(reply, request, status, {
        type: PROBLEM_BASE + (malformed ? 'malformed-body' : slug),
        title: malformed ? 'Malformed request body' : title,
        detail: error.message,
        ...(field ? { errors: [{ field, message: error.message }] } : {}),
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, {
      type: `${PROBLEM_BASE}internal`,
      title: 'Internal error',
      detail: 'Something went wrong on our side. Quote the request id when reporting it.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, {
      type: `${PROBLEM_BASE}not-found`,
      title: 'Not found',
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
