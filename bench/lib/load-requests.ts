import autocannon from 'autocannon';
import type { LoadSummary } from './load.ts';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface RequestsLoadOptions {
  /** Base URL (scheme, host, port); the paths come from `requests`. */
  url: string;
  /** Each connection sends these in turn, round and round. */
  requests: RequestSpec[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

/**
 * Like load() (bench/lib/load.ts), for requests with bodies or that vary: autocannon in one worker
 * thread, each connection cycling through `requests`. Any error, timeout or non-2xx answer fails
 * the run.
 */
export async function loadRequests(opts: RequestsLoadOptions): Promise<LoadSummary> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    workers: 1,
    headers: opts.headers ?? {},
    requests: opts.requests.map((r) => ({
      method: r.method,
      path: r.path,
      ...(r.body === undefined ? {} : { body: r.body }),
      ...(r.headers ? { headers: r.headers } : {}),
    })),
  });
  const problems = result.errors + result.timeouts + result.non2xx;
  if (problems > 0) {
    const statuses: Record<string, number> = {};
    for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) statuses[k] = v.count ?? 0;
    throw new Error(
      `${opts.url}${opts.requests[0]?.path}: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx answers (statuses ${JSON.stringify(statuses)})`,
    );
  }
  if (result.requests.total === 0) throw new Error(`${opts.url}: no request completed`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}
