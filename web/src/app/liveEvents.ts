import type { LiveEvent } from '@cordon/contracts';
import { openEventStream } from './eventStream.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting';
export type LiveListener = (event: LiveEvent) => void;
export type StateListener = (state: StreamState) => void;

const STREAM_URL = '/api/events/stream';

/** A LiveEvent from an SSE `data` field, or null when it is not one (not JSON, no id or topic). */
export function parseLiveEvent(raw: string): LiveEvent | null {
  let ev: unknown;
  try {
    ev = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!ev || typeof ev !== 'object') return null;
  const e = ev as Partial<LiveEvent>;
  if (typeof e.id !== 'string' || typeof e.topic !== 'string') return null;
  return {
    id: e.id,
    topic: e.topic,
    occurredAt: typeof e.occurredAt === 'string' ? e.occurredAt : new Date().toISOString(),
    data: e.data && typeof e.data === 'object' ? e.data : {},
  };
}

/**
 * One live stream per tab, shared by every subscriber (the home page's panel, the intelligence
 * alerts): opened with the first subscriber, closed when the last one leaves.
 */
const listeners = new Set<LiveListener>();
const stateListeners = new Set<StateListener>();
let closeStream: (() => void) | null = null;
let state: StreamState = 'connecting';

function setState(next: StreamState) {
  state = next;
  for (const l of stateListeners) l(next);
}

export function subscribeLiveEvents(onEvent: LiveListener, onState?: StateListener): () => void {
  listeners.add(onEvent);
  if (onState) {
    stateListeners.add(onState);
    onState(state);
  }
  if (!closeStream) {
    state = 'connecting';
    closeStream = openEventStream(STREAM_URL, {
      onOpen: () => setState('live'),
      onEvent: (e) => {
        const event = parseLiveEvent(e.data);
        if (event) for (const l of [...listeners]) l(event);
      },
      onDrop: () => setState('reconnecting'),
    });
  }
  return () => {
    listeners.delete(onEvent);
    if (onState) stateListeners.delete(onState);
    if (listeners.size === 0 && closeStream) {
      closeStream();
      closeStream = null;
    }
  };
}
