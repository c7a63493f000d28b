export * from './unit.events';
export * from './unit.commands';
export * from './unit.decider';
export * from './copies';
