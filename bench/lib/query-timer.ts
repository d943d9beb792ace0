/**
 * For --breakdown: a Database whose every Kysely statement is counted and timed, grouped by
 * statement kind and table (`select entities`, `insert outbox`, `raw`…). The time of a statement
 * runs from its compilation to its result, so it includes waiting for a pool connection (on
 * PGlite, for the one connection) when the statement runs outside a transaction. BEGIN and COMMIT
 * are not statements here: they are in the caller's total, not in the table.
 */
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Database } from '../../server/src/platform/db/database.ts';

interface Entry {
  count: number;
  ms: number;
}

function tableOf(node: OperationNode | undefined): string {
  if (!node) return '?';
  const n = node as unknown as Record<string, unknown>;
  if (n.kind === 'TableNode') {
    const t = n.table as { identifier?: { name?: string } };
    return t.identifier?.name ?? '?';
  }
  if (n.kind === 'AliasNode') return tableOf(n.node as OperationNode);
  return '?';
}

function labelOf(node: RootOperationNode): string {
  const n = node as unknown as Record<string, unknown>;
  switch (node.kind) {
    case 'SelectQueryNode': {
      const from = (n.from as { froms?: OperationNode[] } | undefined)?.froms?.[0];
      return `select ${tableOf(from)}`;
    }
    case 'InsertQueryNode':
      return `insert ${tableOf(n.into as OperationNode)}`;
    case 'UpdateQueryNode':
      return `update ${tableOf(n.table as OperationNode)}`;
    case 'DeleteQueryNode': {
      const from = (n.from as { froms?: OperationNode[] } | undefined)?.froms?.[0];
      return `delete ${tableOf(from)}`;
    }
    case 'RawNode': {
      const text = ((n.sqlFragments as string[] | undefined) ?? []).join('?').trim().replace(/\s+/g, ' ');
      return `raw ${text.slice(0, 40)}`;
    }
    default:
      return node.kind;
  }
}

export interface QueryTimer {
  /** The same database, its statements timed. */
  database: Database;
  reset(): void;
  /** Rows by total time, descending. */
  rows(): Array<{ label: string; count: number; ms: number }>;
}

export function timeQueries(inner: Database): QueryTimer {
  const stats = new Map<string, Entry>();
  const started = new WeakMap<object, { label: string; t: number }>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      started.set(args.queryId, { label: labelOf(args.node), t: performance.now() });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const s = started.get(args.queryId);
      if (s) {
        const e = stats.get(s.label) ?? { count: 0, ms: 0 };
        e.count++;
        e.ms += performance.now() - s.t;
        stats.set(s.label, e);
      }
      return args.result;
    },
  };
  const db = inner.db.withPlugin(plugin);
  const database: Database = {
    driver: inner.driver,
    db,
    ...(inner.pglite ? { pglite: inner.pglite } : {}),
    transaction: (fn) => db.transaction().execute(fn),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return {
    database,
    reset: () => stats.clear(),
    rows: () => [...stats].map(([label, e]) => ({ label, ...e })).sort((a, b) => b.ms - a.ms),
  };
}
