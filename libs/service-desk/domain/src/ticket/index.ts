export * from './ticket.streams';
export * from './ticket.events';
export * from './ticket.commands';
export * from './ticket.decider';
