export * from './decider-spec';
export * from './projection-spec';
export * from './event-store.contract';
export * from './event-bus.contract';
export * from './read-model-store.contract';
export * from './in-memory-stores';
