import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The console is built once (on first start, or by `npm run build:web`); Vite's output is
 * not kept in git. Returns false when the build failed: the API still serves.
 */
export function ensureWebBuilt(webDist: string, log: (msg: string) => void): boolean {
  if (existsSync(join(webDist, 'index.html'))) return true;
  const webDir = dirname(webDist);
  if (!existsSync(join(webDir, 'package.json'))) return false;
  log('Building the web console (first start only, ~30 s)…');
  const res = spawnSync(
    process.execPath,
    [join(webDir, '../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: webDir,
      stdio: 'inherit',
    },
  );
  return res.status === 0 && existsSync(join(webDist, 'index.html'));
}
