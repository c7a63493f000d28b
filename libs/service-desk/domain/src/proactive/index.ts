import type { Reactor } from '@ebp/shared-eventsourcing';
import { inspectionFindingReactor, surveyFollowUpReactor, visitComplaintReactor } from './proactive.reactors';

export * from './proactive.streams';
export * from './inspection.policy';
export * from './inspection.decider';
export * from './satisfaction-survey.decider';
export * from './research-visit.decider';
export * from './proactive.reactors';

/** Policies of this area that react to events by commanding other aggregates. */
export const proactiveReactors: Reactor[] = [inspectionFindingReactor, surveyFollowUpReactor, visitComplaintReactor];
