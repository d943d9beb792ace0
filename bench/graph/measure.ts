/** Timing helpers and the union-find reference of bench/graph. */

/**
 * Wall-clock seconds of `f`, printed with a label, and the CPU seconds of the process over the
 * same span: on a shared machine the wall clock also counts time other processes took.
 */
export function timed<T>(label: string, f: () => T): { value: T; s: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(`${label.padEnd(52)} ${s.toFixed(2).padStart(7)} s   (cpu ${cpu.toFixed(2)} s)`);
  return { value, s, cpu };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Sample {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of the process (user + system) over the same call: what the call costs
   * when other processes do not take the CPU away (GC helper threads included). */
  cpu: number;
}

export function measure(f: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Prints wall and CPU percentiles; returns the wall-clock p99. */
export function latency(label: string, samples: Sample[]): number {
  const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  console.log(
    `${label.padEnd(52)} p50 ${p(wall, 50)} ms   p99 ${p(wall, 99)} ms   max ${p(wall, 100)} ms   ` +
      `(cpu p50 ${p(cpu, 50)} ms, p99 ${p(cpu, 99)} ms; ${samples.length} calls)`,
  );
  return percentile(wall, 99);
}

/** The least work that finds the networks: union-find with path halving over the raw arrays. */
export function unionFindComponents(n: number, source: Uint32Array, target: Uint32Array): number {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let count = n;
  for (let i = 0; i < source.length; i++) {
    const a = find(source[i]!);
    const b = find(target[i]!);
    if (a !== b) {
      parent[Math.max(a, b)] = Math.min(a, b);
      count--;
    }
  }
  return count;
}
