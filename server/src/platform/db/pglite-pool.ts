import type { ParserOptions, PGliteInterface } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** Values as node-postgres (configured in database.ts) gives them: date as 'YYYY-MM-DD'. */
const PARSERS: ParserOptions = { 1082: (v: string) => v };

/**
 * Presents one embedded PGlite instance to Kysely's PostgresDialect as if it were a
 * node-postgres pool of size one. PGlite has a single session, so a mutex hands the
 * "connection" to one holder at a time: a transaction's statements never interleave
 * with another request's, exactly as with a pooled connection on PostgreSQL.
 */
export class PGlitePool implements PostgresPool {
  readonly options = {};
  #queue: Promise<void> = Promise.resolve();

  constructor(readonly pglite: PGliteInterface) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#queue;
    this.#queue = previous.then(() => released);
    await previous;
    let done = false;
    const pglite = this.pglite;
    const client = {
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        if (parameters.length === 0) {
          // Simple protocol: allows several statements (migrations); result of the last one.
          const results = await pglite.exec(sql, { parsers: PARSERS });
          const last = results[results.length - 1];
          return toResult<R>(sql, (last?.rows ?? []) as R[], last?.affectedRows);
        }
        const res = await pglite.query<R>(sql, parameters as unknown[], { parsers: PARSERS });
        return toResult<R>(sql, res.rows, res.affectedRows);
      },
      release() {
        if (!done) {
          done = true;
          release();
        }
      },
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.pglite.close();
  }
}

function toResult<R>(sql: string, rows: R[], affected: number | undefined): PostgresQueryResult<R> {
  const command = (sql.trimStart().match(/^\w+/)?.[0] ?? 'SELECT').toUpperCase();
  return {
    command: command as PostgresQueryResult<R>['command'],
    rowCount: affected ?? rows.length,
    rows,
  };
}
