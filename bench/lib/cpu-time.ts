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

/** CPU ms of each process named `postgres` on this machine (a local server and its backends). */
function postgresCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    out.set(pid, statMs(`/proc/${pid}/stat`));
  }
  return out;
}

export interface CpuSpan {
  /**
   * Main-thread CPU ms since the span began, and PostgreSQL's: of the given backend pids (this
   * benchmark's connections) plus the server's own processes (WAL writer, checkpointer, …), so
   * that another client's work on a shared server is not counted.
   */
  stop(backends?: ReadonlySet<string>): { appMs: number; postgresMs: number };
}

export function cpuSpan(): CpuSpan {
  const app0 = mainThreadCpuMs();
  const pg0 = postgresCpu();
  return {
    stop(backends) {
      const appMs = mainThreadCpuMs() - app0;
      let postgresMs = 0;
      for (const [pid, ms] of postgresCpu()) {
        if (!backends || backends.has(pid) || isAuxiliary(pid)) postgresMs += ms - (pg0.get(pid) ?? 0);
      }
      return { appMs, postgresMs };
    },
  };
}

/** A PostgreSQL process that is not a client backend (its title names a server role, not a client). */
function isAuxiliary(pid: string): boolean {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /postgres: \S+: (walwriter|checkpointer|background writer|autovacuum launcher|logical replication launcher)/.test(
      title.replace(/\0/g, ' '),
    );
  } catch {
    return false;
  }
}
