// Bridges the outbox to realtime: every event of a matter becomes a `matter.changed` signal in the
// room `matter:<id>` (type and ids only, never the payload), so open screens refetch what they show.
import type { ConsumerDefinition } from '../events/index.ts';
import type { Publish } from './bus.ts';
import { matterRoom } from './rooms.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createMatterEventsConsumer(publish: Publish): ConsumerDefinition {
  return {
    name: 'realtime.matter',
    // Sockets only care about what happens from now on; history is not replayed to them.
    startAt: 'latest',
    async handle(events, { tx }) {
      for (const e of events) {
        if (e.aggregateType !== 'matter' || !UUID.test(e.aggregateId)) continue;
        await publish(tx, matterRoom(e.aggregateId), {
          type: 'matter.changed',
          matterId: e.aggregateId,
          eventType: e.type,
          eventId: e.id,
          occurredAt: e.occurredAt.toISOString(),
        });
      }
    },
  };
}
