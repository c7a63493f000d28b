import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './ladder.streams';
export * from './service-ladder.events';
export * from './service-ladder.commands';
export * from './service-ladder.decider';
export * from './shirking-finding.events';
export * from './shirking-finding.commands';
export * from './shirking-finding.decider';
export * from './customer-preferences.events';
export * from './customer-preferences.commands';
export * from './customer-preferences.decider';
export * from './ticket-expectation.events';
export * from './ticket-expectation.commands';
export * from './ticket-expectation.decider';

/** Policies of this area that react to events by commanding other aggregates (none: the ladder acts on commands only). */
export const ladderReactors: Reactor[] = [];
