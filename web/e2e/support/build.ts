import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sleep } from './server.ts';

const DIST_INDEX = join(ROOT, 'web/dist/index.html');
const LOCK = join(ROOT, 'web/.dist-build.lock');
const SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/portal.html', 'web/vite.config.ts', 'contracts/src'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

/** web/dist is missing or older than any console source. */
export function webBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX) || !existsSync(join(ROOT, 'web/dist/portal.html'))) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((p) => newestMtime(join(ROOT, p)) > built);
}

/**
 * Builds the console when web/dist is missing or stale (the server serves it at /console/).
 * Test files run in parallel, so one builds under a lock while the others wait.
 */
export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + 170_000;
  while (webBuildIsStale()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock older than 3 minutes was left by a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another web build');
      await sleep(500);
      continue;
    }
    try {
      if (webBuildIsStale())
        execFileSync('npm', ['run', '-w', '@cordon/web', 'build'], { cwd: ROOT, stdio: 'inherit' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
