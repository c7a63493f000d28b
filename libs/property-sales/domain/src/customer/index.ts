export * from './customer.events';
export * from './customer.commands';
export * from './phone';
export * from './customer.decider';
