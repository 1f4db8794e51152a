import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { EventEnvelope } from '../envelope';

/** Key = streamId so one stream stays in one partition, in order; headers let tools route cheaply. */
export const toKafkaMessage = (event: EventEnvelope): Message => ({
  key: event.streamId,
  value: JSON.stringify(event),
  headers: {
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    'stream-type': event.streamType,
    'event-id': event.eventId,
    'correlation-id': event.metadata.correlationId,
  },
});

export const fromKafkaMessage = (message: KafkaMessage): EventEnvelope =>
  JSON.parse(message.value?.toString('utf8') ?? 'null') as EventEnvelope;

export const header = (headers: IHeaders | undefined, name: string): string | undefined => headers?.[name]?.toString();
