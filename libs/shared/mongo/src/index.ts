export * from './mongo-doc-query';
export * from './mongo-read-model-store';
export * from './mongo-blob-store';
