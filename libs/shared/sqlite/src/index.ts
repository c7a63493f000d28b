export * from './open-database';
export * from './catch-up-subscription';
export * from './doc-query';
export * from './file-blob-store';
export * from './sqlite-event-store';
export * from './sqlite-read-model-store';
