import { DEFAULT_TX_BATCH } from '../../server/src/features/finance/import/tx-import.ts';
import { readOptions } from '../lib/args.ts';

export const USAGE = `npm run bench -- tx-ingest [options]
  --rows N        rows in the file (default 10000000)
  --accounts N    accounts in the pool (default 1000000)
  --batch N       rows per import batch (default: the product's, DEFAULT_TX_BATCH = 20000)
  --bad-every N   one bad row in N, 0 for none (default 1000)
  --seed N        data seed (default 1)
  --driver D      postgres (default; DATABASE_URL, TEST_DATABASE_URL or the local server) or pglite
  --dir PATH      where the file is written (default /tmp)`;

export const SPEC = {
  rows: { type: 'string', default: '10000000' },
  accounts: { type: 'string', default: '1000000' },
  batch: { type: 'string', default: String(DEFAULT_TX_BATCH) },
  'bad-every': { type: 'string', default: '1000' },
  seed: { type: 'string', default: '1' },
  driver: { type: 'string', default: 'postgres' },
  dir: { type: 'string', default: '/tmp' },
} as const;

export function ingestOptions(argv: string[]) {
  const o = readOptions(USAGE, SPEC, argv);
  return {
    rows: o.int('rows', 10, 100_000_000),
    accounts: o.int('accounts', 10, 10_000_000),
    batch: o.int('batch', 1, 100_000),
    badEvery: o.int('bad-every', 0, 100_000_000),
    seed: o.int('seed', 0, 2 ** 31),
    driver: o.oneOf('driver', ['postgres', 'pglite'] as const),
    dir: String(o.values.dir),
  };
}
