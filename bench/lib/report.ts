import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** One line on the machine, printed before the figures. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `machine: ${availableParallelism()} cores, ${cpu}, ${gib} GiB, node ${process.version}`;
}

/** The 1-minute load average: other work on the machine skews every figure, so it is printed. */
export function loadLine(when: string): string {
  const [one, five] = loadavg();
  const busy = (one ?? 0) > availableParallelism() * 0.5 ? '  (busy: other processes compete for the CPU)' : '';
  return `load ${when}: ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)${busy}`;
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A ratio with three significant digits, so that 0.0123 does not print as 0.01. */
export function ratioText(value: number): string {
  return value >= 1 ? value.toFixed(2) : Number(value.toPrecision(3)).toString();
}

/** The one closing line of every benchmark: `RESULT <name> <figure>=<value> baseline=… ratio=… goal=…`. */
export function resultLine(r: {
  name: string;
  figure: string;
  value: number | string;
  baseline: number | string;
  ratio: string;
  goal: string;
}): string {
  return `RESULT ${r.name} ${r.figure}=${r.value} baseline=${r.baseline} ratio=${r.ratio} goal=${r.goal}`;
}
