import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './shared';
export * from './project';
export * from './unit';
export * from './customer';
export * from './signing-list';
export * from './office-day';

/** Property sales' policies over its own events (none: reservations expire by time, not by a reactor). */
export const propertySalesReactors: Reactor[] = [];
