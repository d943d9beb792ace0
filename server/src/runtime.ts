import { join } from 'node:path';
import type { Config } from './platform/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in the data folder. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ driver: 'postgres', url: config.databaseUrl })
    : openDatabase({ driver: 'pglite', dataDir: join(config.dataDir, 'pgdata') });
}

export async function openAndMigrate(config: Config): Promise<{ database: Database; applied: string[] }> {
  const database = await openConfiguredDatabase(config);
  try {
    return { database, applied: await migrate(database) };
  } catch (e) {
    await database.close();
    throw e;
  }
}
