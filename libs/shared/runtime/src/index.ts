export * from './distributed-config';
export * from './adapters';
