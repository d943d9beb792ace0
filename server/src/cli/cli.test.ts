import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** The real `cordon` command on an embedded database in a temporary data folder. */
describe('cordon command line (embedded database)', () => {
  let dataDir = '';
  const cordon = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
        env: { ...process.env, CORDON_DATA_DIR: dataDir },
      });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cordon-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, seeds once, keeps the data across restarts, verifies and detects tampering', async () => {
    expect((await cordon('migrate')).out).toMatch(/applied: 0001_agencies/);
    expect((await cordon('migrate')).out).toMatch(/up to date/);
    const seed = await cordon('seed');
    expect(seed.out).toMatch(/demo world loaded: \d{3} agencies, \d+ users/);
    const again = await cordon('seed');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/not empty/);
    const ok = await cordon('audit', 'verify');
    // Read records still pending are chained first, then the whole chain is checked.
    expect(ok.out.trim()).toMatch(/(^|\n)chain intact, \d+ rows$/);
    const code = await cordon('demo', 'totp', 'analyst@th.cordon.example');
    expect(code.out.trim()).toMatch(/^\d{6}$/);

    // A second process opens the same folder: the data is there; then someone edits a row.
    const database = await openDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pgdata') });
    const n = await sql<{ n: number }>`select count(*)::int as n from agencies`.execute(database.db);
    expect(n.rows[0]?.n).toBeGreaterThan(190);
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(database.db);
    await sql`update audit_log set action = 'nothing.happened' where seq = 1`.execute(database.db);
    await database.close();
    const bad = await cordon('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out.trim()).toBe('chain broken at row 1: row 1 was changed after it was written');
  }, 120_000);
});
