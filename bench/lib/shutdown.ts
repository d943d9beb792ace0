/**
 * Leaving no trace when a benchmark is stopped early: Ctrl-C, SIGTERM (bench/run.mjs passes
 * them on) or its own watchdog run the registered clean-ups (closing the database drops the
 * throwaway PostgreSQL schema) before the process exits.
 */
const cleanups: Array<() => Promise<void>> = [];
let exiting = false;

/** Registers a clean-up to run if the benchmark is interrupted; the normal path runs its own. */
export function onInterrupt(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

async function cleanUpAndExit(name: string, why: string): Promise<never> {
  if (!exiting) {
    exiting = true;
    console.error(`${name}: ${why}; cleaning up`);
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref());
    for (const fn of cleanups.reverse()) {
      await Promise.race([
        fn().catch((e: unknown) => console.error(`${name}: clean-up failed: ${String(e)}`)),
        timeout,
      ]);
    }
  }
  process.exit(1);
}

/** True once an interruption has started the clean-ups (errors after it are their echo). */
export function interrupted(): boolean {
  return exiting;
}

/** Exits after `ms` (running the clean-ups first), and on SIGINT/SIGTERM. */
export function guard(name: string, ms: number): void {
  setTimeout(() => void cleanUpAndExit(name, `gave up after ${Math.round(ms / 1000)} s`), ms).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUpAndExit(name, signal));
  }
}
