import { versionOf, type IntegrationEvent, type RecordedEvent } from '@ebp/shared-eventsourcing';
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
  /** Integration events: the producing context. */
  source: 'source',
  contentType: 'content-type',
} as const;

/** The event type of a watermark message on a domain topic; consumers other than projectors skip it. */
export const WATERMARK_TYPE = '$watermark';

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

/**
 * "Every event up to `position` is on this topic": the relay writes one per domain topic after each
 * batch, so a projector learns it is caught up past positions that belong to other contexts.
 */
export function encodeWatermark(position: number): Message {
  return {
    key: null,
    value: JSON.stringify({ watermark: position }),
    headers: { [EventHeaders.eventType]: WATERMARK_TYPE, [EventHeaders.position]: String(position) },
  };
}

/** The watermark a message carries, or null when it is an ordinary event. */
export function watermarkOf(message: Pick<KafkaMessage, 'headers' | 'value'>): number | null {
  if (headerText(message.headers, EventHeaders.eventType) !== WATERMARK_TYPE) return null;
  const position = Number(headerText(message.headers, EventHeaders.position));
  if (!Number.isSafeInteger(position) || position < 0) throw new UndecodableMessageError('watermark without a position');
  return position;
}

/** Key = the entity id (one entity → one partition → in order); value = the integration envelope as JSON. */
export function encodeIntegrationEvent(event: IntegrationEvent): Message {
  const headers: IHeaders = {
    [EventHeaders.eventId]: event.id,
    [EventHeaders.eventType]: event.type,
    [EventHeaders.schemaVersion]: String(versionOf(event.type)),
    [EventHeaders.correlationId]: event.correlationId,
    [EventHeaders.source]: event.source,
    [EventHeaders.position]: String(event.position),
    [EventHeaders.contentType]: 'application/json',
  };
  if (event.causationId) headers[EventHeaders.causationId] = event.causationId;
  return { key: event.subject, value: JSON.stringify(event), headers };
}

export function decodeIntegrationEvent(message: Pick<KafkaMessage, 'value'>): IntegrationEvent {
  const parsed = parseJson(message);
  for (const field of ['type', 'id', 'source', 'subject', 'correlationId'] as const) {
    if (typeof parsed[field] !== 'string') throw new UndecodableMessageError(`integration event ${field} is not a string`);
  }
  if (typeof parsed['position'] !== 'number' || !('data' in parsed)) throw new UndecodableMessageError('not an integration event envelope');
  return parsed as unknown as IntegrationEvent;
}

function parseJson(message: Pick<KafkaMessage, 'value'>): Record<string, unknown> {
  if (!message.value) throw new UndecodableMessageError('empty value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(parsed)) throw new UndecodableMessageError('not a JSON object');
  return parsed;
}

export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`undecodable event message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

/** Parses a message value back into the envelope; throws UndecodableMessageError when it is not one. */
export function decodeEvent(message: Pick<KafkaMessage, 'value'>): RecordedEvent {
  const parsed = parseJson(message);
  if (typeof parsed['type'] !== 'string' || !('data' in parsed) || !isRecord(parsed['metadata'])) {
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
