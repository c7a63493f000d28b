import type { DomainEvent, EventMetadata, RecordedEvent } from '../envelope';
import type { Projection } from '../projection';

const DEFAULT_STREAM = 'test.stream-1';
const DEFAULT_TIME = '2026-01-05T09:00:00.000+08:00';

let nextPosition = 1;
const lastRevision = new Map<string, number>();

/** Restarts the positions and revisions `recorded` hands out. */
export function resetRecorded(): void {
  nextPosition = 1;
  lastRevision.clear();
}

/**
 * Wraps a domain event as if the store had recorded it: positions increase per call and
 * revisions per stream unless given.
 */
export function recorded<E extends DomainEvent>(event: E, metadata: Partial<EventMetadata> = {}): RecordedEvent<E> {
  const streamId = metadata.streamId ?? DEFAULT_STREAM;
  const position = metadata.position ?? nextPosition;
  nextPosition = Math.max(nextPosition, position + 1);
  const revision = metadata.revision ?? (lastRevision.get(streamId) ?? -1) + 1;
  lastRevision.set(streamId, Math.max(lastRevision.get(streamId) ?? -1, revision));
  const occurredAt = metadata.occurredAt ?? DEFAULT_TIME;
  const eventId = metadata.eventId ?? `event-${position}`;
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      streamId,
      revision,
      position,
      occurredAt,
      recordedAt: metadata.recordedAt ?? occurredAt,
      actor: metadata.actor ?? { userId: 'test-user', roles: [] },
      correlationId: metadata.correlationId ?? eventId,
      causationId: metadata.causationId ?? null,
      schemaVersion: metadata.schemaVersion ?? 1,
    },
  };
}

export interface ProjectionGiven<Doc extends object> {
  /**
   * Asserts the documents with the listed ids (`null` = no document); ids not listed are not
   * checked. Returns every document built, for further checks.
   */
  then(expected: Record<string, Doc | null>): Record<string, Doc | null>;
}

export interface ProjectionSpec<Doc extends object> {
  given(events: RecordedEvent[]): ProjectionGiven<Doc>;
}

/** Given recorded events → expected documents, skipping already-applied positions as the runner does. */
export const ProjectionSpecification = {
  for<Doc extends object>(projection: Projection<Doc>): ProjectionSpec<Doc> {
    return {
      given: (events) => ({
        then(expected) {
          const docs: Record<string, Doc | null> = {};
          const applied = new Map<string, number>();
          for (const event of events) {
            const id = projection.documentId(event);
            if (id === null) continue;
            if (event.metadata.position <= (applied.get(id) ?? 0)) continue;
            docs[id] = projection.evolve(docs[id] ?? null, event);
            applied.set(id, event.metadata.position);
          }
          const actual: Record<string, Doc | null> = {};
          for (const id of Object.keys(expected)) actual[id] = docs[id] ?? null;
          expect(actual).toEqual(expected);
          return docs;
        },
      }),
    };
  },
};
