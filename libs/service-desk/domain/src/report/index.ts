import type { Reactor } from '@ebp/shared-eventsourcing';

export * from './report.streams';
export * from './supervision-figures';
export * from './supervision-report.events';
export * from './supervision-report.commands';
export * from './supervision-report.decider';

/** SD-9 reacts to nothing: the report is submitted by the business department. */
export const reportReactors: Reactor[] = [];
