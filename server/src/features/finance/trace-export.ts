import type { Entity, TraceResult } from '@cordon/contracts';
import { cordonCreator, cordonExtensionDefinition } from '../intel/stix/extension.ts';
import { CORDON_NAMESPACE, scoId, stixId, stixTime, uuidv5 } from '../intel/stix/ids.ts';
import { TLP2_IDS, tlpMarkingDefinition } from '../intel/stix/markings.ts';
import { selectorToSco } from '../intel/stix/selectors.ts';
import type { StixBundle, StixObject } from '../intel/stix/types.ts';

/** CSV cells quoted when needed (RFC 4180), with formula-leading characters neutralised. */
function cell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (xs: (string | number | null)[]) => `${xs.map(cell).join(',')}\r\n`;
const origins = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** The trace as one CSV: a row per account (where the money sits) then a row per transfer. */
export function traceToCsv(t: TraceResult): string {
  let out = line([
    'record',
    'hop',
    'account_or_transaction',
    'from',
    'to',
    'at',
    'amount',
    'traced_or_held',
    'currency',
    'held_usd',
    'by_origin',
    'tags',
    'horizon',
  ]);
  for (const n of t.nodes) {
    out += line([
      'account',
      n.hop,
      n.key,
      null,
      null,
      null,
      n.received,
      n.held,
      t.currency,
      n.heldUsd,
      origins(n.heldByOrigin),
      n.tags.join(' '),
      n.horizon ? 'yes' : 'no',
    ]);
  }
  const keyOf = new Map(t.nodes.map((n) => [n.accountId, n.key]));
  for (const e of t.edges) {
    out += line([
      'transfer',
      e.hop,
      e.transactionId,
      e.from ? (keyOf.get(e.from) ?? e.from) : null,
      keyOf.get(e.to) ?? e.to,
      e.at,
      e.amount,
      e.traced,
      t.currency,
      null,
      origins(e.byOrigin),
      null,
      null,
    ]);
  }
  return out;
}

/** An account as a STIX observable: the intelligence selector SCO, or user-account for e-wallets. */
function accountSco(n: TraceResult['nodes'][number], refs: string[]): StixObject | undefined {
  if (n.key.startsWith('ewallet:')) {
    const [, provider = '', ...id] = n.key.split(':');
    const props = { account_type: provider, account_login: id.join(':') };
    return {
      type: 'user-account',
      spec_version: '2.1',
      id: scoId('user-account', props),
      object_marking_refs: refs,
      ...props,
    };
  }
  const entity = { key: n.key, kind: 'selector', attrs: { display: n.display } } as unknown as Entity;
  return selectorToSco(entity, refs);
}

/**
 * The trace as a STIX 2.1 bundle (TLP:AMBER: it is built from marked records): an observable per
 * account, a `transferred-to` relationship per traced transfer, and a report that says the model,
 * hops and what sits where. Ids are derived from the content, so the same trace gives the same ids.
 */
export function traceToStix(t: TraceResult, ctx: { agencyId: string; now: string }): StixBundle {
  const refs = [TLP2_IDS.AMBER];
  const objects: StixObject[] = [cordonCreator(), cordonExtensionDefinition(), tlpMarkingDefinition('AMBER')];
  const idOf = new Map<string, string>();
  for (const n of t.nodes) {
    const sco = accountSco(n, refs);
    if (!sco) continue;
    idOf.set(n.accountId, sco.id);
    if (!objects.some((o) => o.id === sco.id)) objects.push(sco);
  }
  const created = stixTime(ctx.now);
  const relIds: string[] = [];
  for (const e of t.edges) {
    const src = e.from ? idOf.get(e.from) : undefined;
    const dst = idOf.get(e.to);
    if (!src || !dst) continue;
    const id = stixId('relationship', `trace:${e.transactionId}:${t.model}`);
    relIds.push(id);
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id,
      created,
      modified: created,
      relationship_type: 'transferred-to',
      source_ref: src,
      target_ref: dst,
      start_time: stixTime(e.at),
      description: `${e.amount} ${t.currency}, of which traced ${e.traced} (${origins(e.byOrigin)}), hop ${e.hop}`,
      object_marking_refs: refs,
    });
  }
  const held = t.nodes
    .filter((n) => n.held !== '0')
    .map((n) => `${n.display}: ${n.held} ${t.currency}${n.horizon ? ' (horizon)' : ''}`)
    .join('\n');
  const fingerprint = uuidv5(
    JSON.stringify([t.model, t.direction, t.hops, t.origins.map((o) => o.transactionId)]),
    CORDON_NAMESPACE,
  );
  objects.push({
    type: 'report',
    spec_version: '2.1',
    id: stixId('report', `trace:${ctx.agencyId}:${fingerprint}`),
    created,
    modified: created,
    name: `Money trace (${t.direction}, ${t.model}, ${t.hops} hops, ${t.currency})`,
    description: `Origins: ${t.origins.map((o) => `${o.id} ${o.amount}`).join(', ') || 'none'}.\nWhere the traced funds sit now:\n${held || 'nowhere within the hops'}`,
    report_types: ['observed-data'],
    published: created,
    object_refs:
      [...new Set([...idOf.values(), ...relIds])].length > 0
        ? [...new Set([...idOf.values(), ...relIds])]
        : [cordonCreator().id],
    object_marking_refs: refs,
  });
  return { type: 'bundle', id: `bundle--${uuidv5(`${fingerprint}:${created}`, CORDON_NAMESPACE)}`, objects };
}
