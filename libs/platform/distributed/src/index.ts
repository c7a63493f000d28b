export * from './service-desk-api.app';
export * from './relay.app';
export * from './projector.app';
export * from './query-api.app';
