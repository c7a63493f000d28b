import type { Reactor } from '@ebp/shared-eventsourcing';
import { monitoringProblemReactor } from './monitoring-problem.reactor';

export * from './duty.streams';
export * from './weekly-report-deadline.policy';
export * from './weekly-report.events';
export * from './weekly-report.commands';
export * from './weekly-report.decider';
export * from './duty-roster.events';
export * from './duty-roster.commands';
export * from './duty-roster.decider';
export * from './monitoring-problem.reactor';

/** Policies of this area that react to events by commanding other aggregates. */
export const dutyReactors: Reactor[] = [monitoringProblemReactor];
