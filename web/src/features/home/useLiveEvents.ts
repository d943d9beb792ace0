import type { LiveEvent } from '@cordon/contracts';
import { useEffect, useState } from 'react';
import { parseLiveEvent, type StreamState, subscribeLiveEvents } from '../../app/liveEvents.ts';

export type { StreamState } from '../../app/liveEvents.ts';

/** Keeps the newest `max` events; ignores messages that are not LiveEvent JSON and repeats of an id. */
export function pushEvent(list: LiveEvent[], raw: string | LiveEvent, max: number): LiveEvent[] {
  const event = typeof raw === 'string' ? parseLiveEvent(raw) : raw;
  if (!event) return list;
  if (list.some((x) => x.id === event.id)) return list;
  return [event, ...list].slice(0, max);
}

/**
 * Live events from GET /api/events/stream (same-origin cookie), through the tab's shared stream.
 * Frames may be named by topic (`event: agencies.user.created`), so the stream is read with fetch.
 */
export function useLiveEvents(max = 20): { events: LiveEvent[]; state: StreamState } {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => subscribeLiveEvents((e) => setEvents((list) => pushEvent(list, e, max)), setState), [max]);
  return { events, state };
}
