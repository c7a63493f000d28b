import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './callbacks.streams';
export * from './callback-windows';
export * from './callback-file.decider';
export * from './needs-campaign.decider';

/** Policies of this area that react to events by commanding other aggregates (none: delivery is a direct command). */
export const callbacksReactors: Reactor[] = [];
