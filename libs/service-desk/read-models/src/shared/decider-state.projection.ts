import type { DomainEvent, Projection, RecordedEvent, StreamCategory } from '@ebp/shared-eventsourcing';

/**
 * A read model whose document is the aggregate's own state, folded with its decider's `evolve`:
 * reference data (staff, customers, projects) and the SD-6/SD-8/SD-17 documents are read exactly
 * as their aggregate sees them.
 */
export function directoryProjection<State extends object, Event extends DomainEvent>(spec: {
  name: string;
  collection: string;
  category: StreamCategory;
  indexes: string[];
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  exists: (state: State) => boolean;
}): Projection<State> {
  return {
    name: spec.name,
    collection: spec.collection,
    indexes: spec.indexes,
    documentId: (event) => spec.category.idOf(event.metadata.streamId),
    evolve: (doc, event: RecordedEvent) => {
      const next = spec.evolve(doc ?? spec.initialState(), { type: event.type, data: event.data } as Event);
      return spec.exists(next) ? next : null;
    },
  };
}
