export * from './topics';
export * from './codec';
export * from './group-consumer';
export * from './kafka-event-bus';
