import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './ladder.streams';
export * from './ladder-time';
export * from './service-ladder.decider';
export * from './shirking-finding.decider';
export * from './customer-preferences.decider';
export * from './ticket-expectation.decider';

/** Policies of this area that react to events by commanding other aggregates (none: the ladder acts on commands only). */
export const ladderReactors: Reactor[] = [];
