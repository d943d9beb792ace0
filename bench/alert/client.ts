/**
 * The two agencies' side of bench/alert, in a worker thread so that its clocks do not wait on the
 * server's event loop: agency B listens on its live stream; agency A submits reports one after
 * another and, for each, the time to its HTTP answer and to B's alert frame is recorded.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientJob {
  base: string;
  /** Cookie headers of the submitting user (agency A) and the listening user (agency B). */
  cookieA: string;
  cookieB: string;
  /** Report bodies (JSON), submitted in order. */
  bodies: string[];
  /** For each body, the id of B's entity that the alert names as B's own (data.myEntityId). */
  expect: string[];
  /** Give up on one alert after this long. */
  timeoutMs: number;
}

export interface Sample {
  /** From just before the request is sent: its HTTP answer, and B's alert frame. */
  responseMs: number;
  alertMs: number;
}

export interface ClientResult {
  samples: Sample[];
  /** Alerts that came before the submit's own HTTP answer. */
  alertFirst: number;
  /** Frames seen on B's stream, by event name. */
  frames: Record<string, number>;
}

interface Frame {
  event: string;
  data: string;
}

/** Splits an SSE byte stream into frames (blank-line separated; `event:` and `data:` fields). */
async function* frames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of raw.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      yield { event, data: data.join('\n') };
    }
  }
}

async function run(job: ClientJob): Promise<ClientResult> {
  const waiting = new Map<string, (at: number) => void>();
  const counts: Record<string, number> = {};
  const controller = new AbortController();
  const stream = await fetch(`${job.base}/api/events/stream`, {
    headers: { cookie: job.cookieB, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (stream.status !== 200 || !stream.body) throw new Error(`B's event stream answered ${stream.status}`);
  let opened!: () => void;
  const open = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const reading = (async () => {
    try {
      for await (const f of frames(stream.body as ReadableStream<Uint8Array>)) {
        const at = performance.now();
        counts[f.event] = (counts[f.event] ?? 0) + 1;
        opened();
        if (f.event !== 'intel.hit.alert') continue;
        const live = JSON.parse(f.data) as { data?: { myEntityId?: string } };
        const id = live.data?.myEntityId;
        if (id) waiting.get(id)?.(at);
      }
    } catch (e) {
      if (!controller.signal.aborted) throw e;
    }
  })();
  await open; // the `retry:` frame: the stream is registered with the live hub

  let cookieA = job.cookieA;
  const samples: Sample[] = [];
  let alertFirst = 0;
  for (const [i, body] of job.bodies.entries()) {
    const entityId = job.expect[i] as string;
    let timer: NodeJS.Timeout | undefined;
    const alert = new Promise<number>((resolve, reject) => {
      waiting.set(entityId, resolve);
      timer = setTimeout(() => reject(new Error(`no alert for report ${i} within ${job.timeoutMs} ms`)), job.timeoutMs);
    });
    const t0 = performance.now();
    const res = await fetch(`${job.base}/api/intel/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookieA },
      body,
    });
    const text = await res.text();
    const t1 = performance.now();
    if (res.status !== 201) throw new Error(`submit ${i} answered ${res.status}: ${text.slice(0, 500)}`);
    const rotated = res.headers.getSetCookie().find((c) => c.startsWith(cookieA.split('=')[0] as string));
    if (rotated) cookieA = rotated.split(';')[0] as string;
    const t2 = await alert;
    clearTimeout(timer);
    waiting.delete(entityId);
    if (t2 < t1) alertFirst++;
    samples.push({ responseMs: t1 - t0, alertMs: t2 - t0 });
  }
  controller.abort();
  await reading;
  return { samples, alertFirst, frames: counts };
}

if (parentPort) {
  run(workerData as ClientJob).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (e: unknown) =>
      parentPort?.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
