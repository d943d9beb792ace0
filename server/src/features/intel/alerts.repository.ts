import type { Alert, AlertMessage } from '@cordon/contracts';
import type { Executor } from '../../platform/db/database.ts';

export interface NewAlert {
  agencyId: string;
  kind: 'hit' | 'watch' | 'disclosure';
  /** In English: webhooks, NATS and machine clients read it as it is. */
  title: string;
  /** The same text as a key and parameters, which the console shows in the user's language. */
  message: AlertMessage;
  refType: string;
  refId: string;
  data: Record<string, unknown>;
  at: Date;
}

/** The agencies' inboxes. */
export class AlertsRepository {
  async insert(db: Executor, alerts: NewAlert[]): Promise<Array<{ id: string; agencyId: string }>> {
    if (alerts.length === 0) return [];
    const out: Array<{ id: string; agencyId: string }> = [];
    // Chunks keep each statement under the bind-parameter limit (10 per row).
    for (let i = 0; i < alerts.length; i += 3000) {
      const rows = await db
        .insertInto('alerts')
        .values(
          alerts.slice(i, i + 3000).map((a) => ({
            agency_id: a.agencyId,
            kind: a.kind,
            title: a.title,
            message_key: a.message.key,
            message_params: JSON.stringify(a.message.params),
            ref_type: a.refType,
            ref_id: a.refId,
            data: JSON.stringify(a.data),
            created_at: a.at,
            read_at: null,
          })),
        )
        .returning(['id', 'agency_id'])
        .execute();
      out.push(...rows.map((r) => ({ id: r.id, agencyId: r.agency_id })));
    }
    return out;
  }

  async list(
    db: Executor,
    agencyId: string,
    o: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<Alert[]> {
    let q = db.selectFrom('alerts').selectAll().where('agency_id', '=', agencyId);
    if (o.unreadOnly) q = q.where('read_at', 'is', null);
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(o.limit).offset(o.offset).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as Alert['kind'],
      title: r.title,
      message: r.message_key
        ? { key: r.message_key, params: (r.message_params ?? {}) as AlertMessage['params'] }
        : null,
      refType: r.ref_type,
      refId: r.ref_id,
      data: (r.data ?? {}) as Record<string, unknown>,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    }));
  }

  async unread(db: Executor, agencyId: string): Promise<number> {
    const r = await db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async markRead(db: Executor, agencyId: string, ids: string[] | 'all', at: Date): Promise<number> {
    let q = db
      .updateTable('alerts')
      .set({ read_at: at })
      .where('agency_id', '=', agencyId)
      .where('read_at', 'is', null);
    if (ids !== 'all') {
      if (ids.length === 0) return 0;
      q = q.where('id', 'in', ids);
    }
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  }
}
