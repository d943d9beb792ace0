import { type Static, Type } from 'typebox';
import { IsoDateTime } from './common.ts';

/** What a console receives on the live stream (`GET /api/events/stream`, text/event-stream). */
export const LiveEvent = Type.Object(
  {
    id: Type.String(),
    topic: Type.String({ description: 'e.g. agencies.user.created' }),
    occurredAt: IsoDateTime,
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type LiveEvent = Static<typeof LiveEvent>;
