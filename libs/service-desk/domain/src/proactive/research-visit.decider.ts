import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { instantMs, requireInstant, requireOneOf, requireText } from '@ebp/shared-kernel';
import type { CloseResearchVisit, OpenResearchVisit, RecordVisitFeedback, ResearchVisitCommand } from './research-visit.commands';
import { VISIT_FEEDBACK_KINDS, type ResearchVisitEvent } from './research-visit.events';

const RULE = 'SD-16';

/** Senior management who lead service research visits (服务调研). */
export const RESEARCH_VISIT_LEADER_ROLES = ['general-manager', 'business-dept'] as const;

export interface ResearchVisit {
  status: 'open' | 'closed';
  visitId: string;
  customerId: string;
  feedbackIds: string[];
}

export type ResearchVisitState = { status: 'none' } | ResearchVisit;

export const initialResearchVisitState = (): ResearchVisitState => ({ status: 'none' });

function existing(state: ResearchVisitState, visitId: string): ResearchVisit {
  if (state.status === 'none' || state.visitId !== visitId) {
    throw new DomainError(RULE, `research visit ${visitId} does not exist`, 'not-found', 'visitId');
  }
  return state;
}

function stillOpen(state: ResearchVisitState, visitId: string): ResearchVisit {
  const visit = existing(state, visitId);
  if (visit.status === 'closed') throw new DomainError(RULE, `research visit ${visitId} is closed`, 'conflict', 'visitId');
  return visit;
}

function open(command: OpenResearchVisit, state: ResearchVisitState): ResearchVisitEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const visitId = requireText(d.visitId, 'visitId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `research visit ${visitId} already exists`, 'conflict', 'visitId');
  const leaderId = requireText(d.leaderId, 'leaderId', RULE);
  const leaderRoles: readonly string[] = d.leaderRoles;
  if (!RESEARCH_VISIT_LEADER_ROLES.some((r) => leaderRoles.includes(r))) {
    throw new DomainError(RULE, `research visits are led by senior management (${RESEARCH_VISIT_LEADER_ROLES.join(', ')})`, 'forbidden', 'leaderId');
  }
  const visitedAt = requireInstant(d.visitedAt, 'visitedAt', RULE);
  if (instantMs(visitedAt) > instantMs(now)) throw new DomainError(RULE, `visitedAt ${visitedAt} is in the future`, 'invalid', 'visitedAt');
  return [
    {
      type: 'ResearchVisitOpened',
      data: {
        visitId,
        customerId: requireText(d.customerId, 'customerId', RULE),
        visitedAt,
        leaderId,
        leaderDepartment: requireText(d.leaderDepartment, 'leaderDepartment', RULE),
        openedAt: now,
      },
    },
  ];
}

function feedback(command: RecordVisitFeedback, state: ResearchVisitState): ResearchVisitEvent[] {
  const d = command.data;
  const visit = stillOpen(state, d.visitId);
  const feedbackId = requireText(d.feedbackId, 'feedbackId', RULE);
  if (visit.feedbackIds.includes(feedbackId)) throw new DomainError(RULE, `feedback ${feedbackId} is already recorded`, 'conflict', 'feedbackId');
  return [
    {
      type: 'VisitFeedbackRecorded',
      data: {
        visitId: visit.visitId,
        feedbackId,
        customerId: visit.customerId,
        kind: requireOneOf(d.kind, VISIT_FEEDBACK_KINDS, 'kind', RULE),
        text: requireText(d.text, 'text', RULE),
        recordedBy: requireText(d.recordedBy, 'recordedBy', RULE),
        recorderDepartment: requireText(d.recorderDepartment, 'recorderDepartment', RULE),
        recordedAt: command.metadata.now,
      },
    },
  ];
}

function close(command: CloseResearchVisit, state: ResearchVisitState): ResearchVisitEvent[] {
  const d = command.data;
  const visit = stillOpen(state, d.visitId);
  return [
    {
      type: 'ResearchVisitClosed',
      data: {
        visitId: visit.visitId,
        summary: requireText(d.summary, 'summary', RULE),
        solutionPlan: requireText(d.solutionPlan, 'solutionPlan', RULE),
        closedBy: requireText(d.closedBy, 'closedBy', RULE),
        closedAt: command.metadata.now,
      },
    },
  ];
}

export function decideResearchVisit(command: ResearchVisitCommand, state: ResearchVisitState): ResearchVisitEvent[] {
  switch (command.type) {
    case 'OpenResearchVisit':
      return open(command, state);
    case 'RecordVisitFeedback':
      return feedback(command, state);
    case 'CloseResearchVisit':
      return close(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveResearchVisit(state: ResearchVisitState, event: ResearchVisitEvent): ResearchVisitState {
  switch (event.type) {
    case 'ResearchVisitOpened':
      return { status: 'open', visitId: event.data.visitId, customerId: event.data.customerId, feedbackIds: [] };
    case 'VisitFeedbackRecorded':
      return state.status === 'none' ? state : { ...state, feedbackIds: [...state.feedbackIds, event.data.feedbackId] };
    case 'ResearchVisitClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    default:
      return assertNever(event);
  }
}

/** SD-16 service research visit (服务调研) aggregate, `service-desk.research-visit.<id>`. */
export const researchVisitDecider: Decider<ResearchVisitState, ResearchVisitCommand, ResearchVisitEvent> = {
  initialState: initialResearchVisitState,
  decide: decideResearchVisit,
  evolve: evolveResearchVisit,
};
