import type { GraphNodeType } from '../api/types.ts';

/** Where a graph node (or a key player) leads: a report, an entity, or a selector key to resolve. */
export type NodeTarget =
  | { kind: 'report'; reportId: string }
  | { kind: 'entity'; entityId: string }
  | { kind: 'selector'; key: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function nodeTarget(id: string, type?: GraphNodeType): NodeTarget {
  if (id.startsWith('report:')) return { kind: 'report', reportId: id.slice('report:'.length) };
  if (type === 'selector' || !UUID.test(id)) return { kind: 'selector', key: id };
  return { kind: 'entity', entityId: id };
}

/** The graph node of an entity: selectors are keyed by their canonical key, the others by id. */
export function entityNode(entity: { id: string; kind: string; key: string | null }): string {
  return entity.kind === 'selector' && entity.key ? entity.key : entity.id;
}
