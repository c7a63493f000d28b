import type { RecordedEvent } from '@ebp/shared-eventsourcing';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** Headers every event message carries, so consumers can route and trace without parsing the value. */
export const EventHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  schemaVersion: 'schema-version',
  streamId: 'stream-id',
  position: 'position',
} as const;

/** Headers added to a message parked on a dead-letter topic, beside its original headers. */
export const DlqHeaders = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  failedAt: 'dlq-failed-at',
} as const;

/** Key = stream id (one stream → one partition → in order); value = the whole envelope as JSON. */
export function encodeEvent(event: RecordedEvent): Message {
  const { metadata } = event;
  const headers: IHeaders = {
    [EventHeaders.eventId]: metadata.eventId,
    [EventHeaders.eventType]: event.type,
    [EventHeaders.correlationId]: metadata.correlationId,
    [EventHeaders.schemaVersion]: String(metadata.schemaVersion),
    [EventHeaders.streamId]: metadata.streamId,
    [EventHeaders.position]: String(metadata.position),
  };
  if (metadata.causationId) headers[EventHeaders.causationId] = metadata.causationId;
  return {
    key: metadata.streamId,
    value: JSON.stringify({ type: event.type, data: event.data, metadata }),
    headers,
  };
}

export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`undecodable event message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

/** Parses a message value back into the envelope; throws UndecodableMessageError when it is not one. */
export function decodeEvent(message: Pick<KafkaMessage, 'value'>): RecordedEvent {
  if (!message.value) throw new UndecodableMessageError('empty value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(parsed) || typeof parsed['type'] !== 'string' || !('data' in parsed) || !isRecord(parsed['metadata'])) {
    throw new UndecodableMessageError('not an event envelope {type, data, metadata}');
  }
  const metadata = parsed['metadata'];
  for (const field of ['eventId', 'streamId'] as const) {
    if (typeof metadata[field] !== 'string') throw new UndecodableMessageError(`metadata.${field} is not a string`);
  }
  for (const field of ['revision', 'position'] as const) {
    if (typeof metadata[field] !== 'number') throw new UndecodableMessageError(`metadata.${field} is not a number`);
  }
  return parsed as unknown as RecordedEvent;
}

/** Header values as strings (kafkajs hands them over as Buffers). */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
