import type { Reactor } from '@ebp/shared-eventsourcing';

/** Policies of this area that react to events by commanding other aggregates. */
export const proactiveReactors: Reactor[] = [];
