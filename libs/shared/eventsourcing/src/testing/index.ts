export * from './decider-spec';
export * from './projection-spec';
export * from './event-store.contract';
export * from './event-bus.contract';
export * from './read-model-store.contract';
export * from './blob-store.contract';
export * from './in-memory-stores';
export * from './in-memory-blob-store';
