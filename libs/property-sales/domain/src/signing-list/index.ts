export * from './signing-list.events';
export * from './signing-list.commands';
export * from './signing-list.decider';
