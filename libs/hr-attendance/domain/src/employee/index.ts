export * from './employee.commands';
export * from './employee.events';
export * from './employee.decider';
