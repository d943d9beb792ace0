#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>/index.ts with tsx, passing the options on.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  console.error(`usage: npm run bench -- <name> [options]\nbenchmarks: ${benches.join(', ') || '(none)'}`);
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(here, name, 'index.ts'), ...rest], {
  stdio: 'inherit',
  cwd: dirname(here),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
