import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './faults.streams';
export * from './fault.events';
export * from './fault.commands';
export * from './fault.decider';
export * from './fault-analysis.policy';
export * from './collaboration.events';
export * from './collaboration.commands';
export * from './collaboration.decider';

/** Policies of this area that react to events by commanding other aggregates. */
export const faultsReactors: Reactor[] = [];
