import type { DomainEvent, Projection, RecordedEvent, StreamCategory } from '@ebp/shared-eventsourcing';

/**
 * Reference data (staff, customers, projects) is read exactly as its aggregate sees it:
 * the document is the decider's own state, folded with the decider's own `evolve`.
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
