/**
 * A CPU profile of this process's main thread over one stretch of a benchmark (node:inspector),
 * written as a `.cpuprofile` (Chrome DevTools, speedscope) and summarised: the functions with the
 * most self time, so a run can say where its CPU went without another tool.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CpuProfiler {
  /** Stops, writes the profile to `file`, returns the summary lines. */
  stop(file: string, top?: number): Promise<string[]>;
}

export async function startCpuProfile(): Promise<CpuProfiler> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file, top = 25) {
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      session.disconnect();
      await writeFile(file, JSON.stringify(profile));
      return summarise(profile, top);
    },
  };
}

/** Self time per function (name and file:line), largest first, with the idle share. */
export function summarise(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = profile.endTime - profile.startTime;
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const file = f.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/(server|bench)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const idle = [...byFn].filter(([k]) => k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
  const lines = [`cpu profile: ${(total / 1000).toFixed(0)} ms, busy ${(100 - (idle / total) * 100).toFixed(1)} %`];
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  }
  return lines;
}
