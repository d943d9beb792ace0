#!/usr/bin/env node
// Entry for `npx cordon …`: runs the TypeScript CLI through tsx (no build step).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Resolved from here, so `cordon` works from any folder.
const tsx = import.meta.resolve('tsx');
const res = spawnSync(process.execPath, ['--import', tsx, join(here, '../src/cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
