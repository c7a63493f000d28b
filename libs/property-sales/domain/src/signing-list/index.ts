export * from './signing-list.events';
