export * from './shared/integration-envelope';
export * from './ticket/ticket.contracts';
export * from './callbacks/callbacks.contracts';
export * from './duty/duty.contracts';
export * from './faults/faults.contracts';
export * from './ladder/ladder.contracts';
export * from './proactive/proactive.contracts';
export * from './published/published-events';
