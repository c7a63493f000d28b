import type { DomainEvent, RecordedEvent } from './envelope';
import type { Projection } from './projection';
import type { StreamCategory } from './stream-name';

/**
 * A read model whose document is the aggregate's own state, folded with its decider's `evolve`
 * (one document per stream of the category): the document reads exactly as the aggregate sees it.
 * `evolve` gets the recorded event, metadata included, as it does when a command folds the stream.
 */
export function stateProjection<State extends object, Event extends DomainEvent>(spec: {
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
      const next = spec.evolve(doc ?? spec.initialState(), event as unknown as Event);
      return spec.exists(next) ? next : null;
    },
  };
}
