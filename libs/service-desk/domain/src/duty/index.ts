import type { Reactor } from '@ebp/shared-eventsourcing';
import { monitoringProblemReactor } from './monitoring-problem.reactor';

export * from './duty.streams';
export * from './iso-week';
export * from './holiday-calendar';
export * from './weekly-report.decider';
export * from './duty-roster.decider';
export * from './monitoring-problem.reactor';

/** Policies of this area that react to events by commanding other aggregates. */
export const dutyReactors: Reactor[] = [monitoringProblemReactor];
