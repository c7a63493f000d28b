export * from './kurrentdb-event-store';
export * from './kurrentdb-catch-up-subscription';
export * from './kurrentdb-mapping';
