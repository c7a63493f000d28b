import type { Reactor } from '@ebp/shared-eventsourcing';
import { inspectionFindingReactor, surveyFollowUpReactor, visitComplaintReactor } from './proactive.reactors';

export * from './proactive.streams';
export * from './inspection.policy';
export * from './inspection.events';
export * from './inspection.commands';
export * from './inspection.decider';
export * from './satisfaction-survey.events';
export * from './satisfaction-survey.commands';
export * from './satisfaction-survey.decider';
export * from './research-visit.events';
export * from './research-visit.commands';
export * from './research-visit.decider';
export * from './proactive.reactors';

/** Policies of this area that react to events by commanding other aggregates. */
export const proactiveReactors: Reactor[] = [inspectionFindingReactor, surveyFollowUpReactor, visitComplaintReactor];
