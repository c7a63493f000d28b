import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './callbacks.streams';
export * from './callback-schedule.policy';
export * from './callback-file.events';
export * from './callback-file.commands';
export * from './callback-file.decider';
export * from './needs-campaign.events';
export * from './needs-campaign.commands';
export * from './needs-campaign.decider';

/** Policies of this area that react to events by commanding other aggregates (none: delivery is a direct command). */
export const callbacksReactors: Reactor[] = [];
