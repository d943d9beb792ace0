import type { FastifyContextConfig, FastifySchema } from 'fastify';

/**
 * The route options of one feature: its OpenAPI tags and its access levels, so a route states only
 * its level, its summary and its schema parts:
 * `const route = routeOptions(['notices'], { read, write });`
 * `app.get('/api/notices/:id', route('read', 'A notice', { params: Id, response: { 200: Notice } }), handler)`.
 * The schema keeps its exact type, so the TypeBox type provider still types the handler.
 */
export function routeOptions<A extends Record<string, FastifyContextConfig>>(tags: string[], access: A) {
  return <K extends keyof A, P extends Omit<FastifySchema, 'tags' | 'summary'> = Record<never, never>>(
    level: K,
    summary: string,
    parts?: P,
  ): { config: A[K]; schema: { tags: string[]; summary: string } & P } => ({
    config: access[level],
    schema: { tags, summary, ...(parts as P) },
  });
}

/** The part of a Fastify reply the answer helpers use. */
interface Reply {
  status(code: number): { send(payload?: unknown): unknown };
}

/**
 * Answers 201 Created with the new resource: `(req, reply) => created(reply, service.create(...))`.
 * It resolves once the answer is sent (a Fastify reply is awaitable), as `return reply` would.
 */
export async function created(reply: Reply, made: Promise<unknown>): Promise<void> {
  await reply.status(201).send(await made);
}

/** Waits for the work, then answers 204 No Content. */
export async function noContent(reply: Reply, done: Promise<unknown>): Promise<void> {
  await done;
  await reply.status(204).send();
}
