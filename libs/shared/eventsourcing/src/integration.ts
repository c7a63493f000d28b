import type { RecordedEvent } from './envelope';

/**
 * The published language's envelope: what crosses a context boundary or leaves the platform.
 * A context's `contracts` library defines the versioned types (`service-desk.ticket-resolved.v1`);
 * the relay puts them on `<context>.integration.v1`, keyed by `subject`.
 */
export interface IntegrationEvent<T extends string = string, D = unknown> {
  /** Versioned type, `<context>.<event>.v<N>`. */
  type: T;
  /** Id of the domain event it was derived from: identical on redelivery, so consumers dedupe on it. */
  id: string;
  /** Producing context. */
  source: string;
  /** Id of the entity the event is about; the Kafka key, so one entity's events stay ordered. */
  subject: string;
  /** Event-store stream of the source event. */
  streamId: string;
  /** Global event-store position of the source event; strictly increasing per producer. */
  position: number;
  /** When it happened: ISO-8601 with offset. */
  occurredAt: string;
  /** Correlates every event caused by one request. */
  correlationId: string;
  /** Id of the event or command that caused the source event, when known. */
  causationId?: string | null;
  data: D;
}

/** A context's mapping from its domain events to its published language (null: not published). */
export type IntegrationMapping = (event: RecordedEvent) => IntegrationEvent | null;

/** The schema version of a versioned type: `service-desk.ticket-resolved.v1` → 1. */
export function versionOf(type: string): number {
  const match = /\.v(\d+)$/.exec(type);
  return match ? Number(match[1]) : 1;
}

/** The internal topic of a context's domain events: consumed only by the platform's own projectors. */
export const domainTopicOf = (context: string): string => `${context}.events.v1`;
/** The public topic of a context's integration events: the stable contract for every other consumer. */
export const integrationTopicOf = (context: string): string => `${context}.integration.v1`;

/** Wraps a published payload in the envelope, every envelope field taken from the source event's metadata. */
export function integrationEnvelope<S extends string, T extends string, D>(
  source: S,
  type: T,
  event: RecordedEvent,
  subject: string,
  data: D,
): IntegrationEvent<T, D> & { source: S } {
  return {
    type,
    id: event.metadata.eventId,
    source,
    subject,
    streamId: event.metadata.streamId,
    position: event.metadata.position,
    occurredAt: event.metadata.occurredAt,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data,
  };
}
