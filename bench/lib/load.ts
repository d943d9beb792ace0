import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadSummary {
  /** Mean of the per-second request counts (what autocannon calls Req/Sec avg). */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  requests: number;
}

/**
 * Fires requests at `url` for `seconds`, from a worker thread so that the load generator does
 * not share the event loop of the server under test. Any error, timeout or non-2xx answer
 * fails the run: a fast 401 must never pass for a fast route.
 */
export async function load(opts: LoadOptions): Promise<LoadSummary> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    pipelining: 1,
    workers: 1,
    headers: opts.headers ?? {},
  });
  const problems = result.errors + result.timeouts + result.non2xx;
  if (problems > 0) {
    throw new Error(
      `${opts.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers ` +
        `(statuses ${JSON.stringify(statusCounts(result))})`,
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

function statusCounts(result: autocannon.Result): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) out[k] = v.count ?? 0;
  return out;
}

/** The median of each figure over several runs of the same target (rounds interleaved with other targets). */
export function medianOf(runs: LoadSummary[]): LoadSummary {
  if (runs.length === 0) throw new Error('no runs');
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  return {
    rps: med(runs.map((r) => r.rps)),
    p50: med(runs.map((r) => r.p50)),
    p99: med(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
  };
}
