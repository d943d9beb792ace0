/**
 * CPU time actually spent, per thread and per process, read from /proc (Linux). Throughput and
 * latency move with whatever else the machine runs; the CPU time a request costs moves much
 * less, so the HTTP benchmarks print it beside their figures. Ticks are 1/100 s (USER_HZ).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10;

/** utime + stime of a /proc stat line, in ms (fields 14 and 15, after the command in parentheses). */
function statMs(path: string): number {
  try {
    const text = readFileSync(path, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU ms of this process's main thread (the app under test; the load generator is a worker). */
export function mainThreadCpuMs(): number {
  return statMs(`/proc/self/task/${process.pid}/stat`);
}

/** CPU ms of every process named `postgres` on this machine (a local server and its backends). */
export function postgresCpuMs(): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += statMs(`/proc/${pid}/stat`);
  }
  return total;
}

export interface CpuSpan {
  /** Main-thread CPU ms and local PostgreSQL CPU ms since the span began. */
  stop(): { appMs: number; postgresMs: number };
}

export function cpuSpan(): CpuSpan {
  const app0 = mainThreadCpuMs();
  const pg0 = postgresCpuMs();
  return {
    stop: () => ({ appMs: mainThreadCpuMs() - app0, postgresMs: postgresCpuMs() - pg0 }),
  };
}
