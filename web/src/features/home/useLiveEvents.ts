import type { LiveEvent } from '@cordon/contracts';
import { useEffect, useState } from 'react';
import { openEventStream } from '../../app/eventStream.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** Keeps the newest `max` events; ignores messages that are not LiveEvent JSON and repeats of an id. */
export function pushEvent(list: LiveEvent[], raw: string, max: number): LiveEvent[] {
  let ev: unknown;
  try {
    ev = JSON.parse(raw);
  } catch {
    return list;
  }
  if (!ev || typeof ev !== 'object') return list;
  const e = ev as Partial<LiveEvent>;
  if (typeof e.id !== 'string' || typeof e.topic !== 'string') return list;
  if (list.some((x) => x.id === e.id)) return list;
  const event: LiveEvent = {
    id: e.id,
    topic: e.topic,
    occurredAt: typeof e.occurredAt === 'string' ? e.occurredAt : new Date().toISOString(),
    data: e.data && typeof e.data === 'object' ? e.data : {},
  };
  return [event, ...list].slice(0, max);
}

/**
 * Live events from GET /api/events/stream (same-origin cookie). Frames may be named by topic
 * (`event: agencies.user.created`), so the stream is read with fetch rather than EventSource.
 */
export function useLiveEvents(max = 20): { events: LiveEvent[]; state: StreamState } {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(
    () =>
      openEventStream('/api/events/stream', {
        onOpen: () => setState('live'),
        onEvent: (e) => setEvents((list) => pushEvent(list, e.data, max)),
        onDrop: () => setState('reconnecting'),
      }),
    [max],
  );
  return { events, state };
}
