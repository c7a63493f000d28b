export * from './command';
export * from './streams';
export * from './ticket.events';
export * from './ticket.commands';
export * from './ticket.decider';
export * from './staff.decider';
export * from './customer.decider';
export * from './project.decider';
