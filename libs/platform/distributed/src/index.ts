export * from './command-api.app';
export * from './relay.app';
export * from './projector.app';
export * from './query-api.app';
