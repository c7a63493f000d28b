export interface Actor {
  userId: string;
  roles: string[];
}

export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** Metadata every stored event carries (docs/architecture.md, "Event envelope"). */
export interface EventMetadata {
  eventId: string;
  streamId: string;
  /** 0-based position of the event inside its stream. */
  revision: number;
  /** Global position in the store ($all): > 0 and strictly increasing, not necessarily consecutive. */
  position: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
}

export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}

/** What a writer hands to the store; the store assigns stream, revision, position and recordedAt. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  metadata: Omit<EventMetadata, 'streamId' | 'revision' | 'position' | 'recordedAt'>;
}

/** The revision of an empty stream; the first event gets revision 0. */
export const NO_STREAM = -1;

/** `number` = the revision of the stream's last event (NO_STREAM when it must not exist yet). */
export type ExpectedRevision = number | 'any';
