import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { requireText, textList } from '@ebp/shared-kernel';
import type { RecordExpectationUnmet, RecordImprovementAnalysis, TicketExpectationCommand } from './ticket-expectation.commands';
import type { TicketExpectationEvent } from './ticket-expectation.events';

// SD-17: a ticket that cannot meet the customer's expectation needs an improvement analysis before it closes.
const RULE = 'SD-17';

interface Unmet {
  ticketId: string;
  customerId: string;
  expectation: string;
  reason: string;
  unmetRecordedBy: string;
  unmetRecordedAt: string;
}

export type TicketExpectationState =
  | { status: 'none' }
  | (Unmet & { status: 'unmet' })
  | (Unmet & { status: 'analysed'; analysis: string; improvementActions: string[]; analysedBy: string; analysedAt: string });

export const initialTicketExpectationState = (): TicketExpectationState => ({ status: 'none' });

/**
 * SD-17 guard for the ticket's resolve path: true when an unmet expectation is recorded and its
 * improvement analysis is not, so the ticket must not close yet.
 */
export const improvementAnalysisMissing = (state: TicketExpectationState): boolean => state.status === 'unmet';

function recordUnmet(command: RecordExpectationUnmet, state: TicketExpectationState): TicketExpectationEvent[] {
  const d = command.data;
  const ticketId = requireText(d.ticketId, 'ticketId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `an unmet expectation is already recorded on ticket ${ticketId}`, 'conflict');
  return [
    {
      type: 'ExpectationUnmetRecorded',
      data: {
        ticketId,
        customerId: requireText(d.customerId, 'customerId', RULE),
        expectation: requireText(d.expectation, 'expectation', RULE),
        reason: requireText(d.reason, 'reason', RULE),
        recordedBy: requireText(d.recordedBy, 'recordedBy', RULE),
        recordedAt: command.metadata.now,
      },
    },
  ];
}

function recordAnalysis(command: RecordImprovementAnalysis, state: TicketExpectationState): TicketExpectationEvent[] {
  const d = command.data;
  if (state.status === 'none' || state.ticketId !== d.ticketId) {
    throw new DomainError(RULE, `no unmet expectation is recorded on ticket ${d.ticketId}; record it first`, 'rule');
  }
  if (state.status === 'analysed') throw new DomainError(RULE, `ticket ${d.ticketId} already has its improvement analysis`, 'conflict');
  const improvementActions = textList(d.improvementActions, 'improvementActions', RULE);
  if (improvementActions.length === 0) {
    throw new DomainError(RULE, 'an improvement analysis names at least one improvement action', 'invalid', 'improvementActions');
  }
  return [
    {
      type: 'ImprovementAnalysisRecorded',
      data: {
        ticketId: state.ticketId,
        analysis: requireText(d.analysis, 'analysis', RULE),
        improvementActions,
        recordedBy: requireText(d.recordedBy, 'recordedBy', RULE),
        recordedAt: command.metadata.now,
      },
    },
  ];
}

export function decideTicketExpectation(command: TicketExpectationCommand, state: TicketExpectationState): TicketExpectationEvent[] {
  switch (command.type) {
    case 'RecordExpectationUnmet':
      return recordUnmet(command, state);
    case 'RecordImprovementAnalysis':
      return recordAnalysis(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveTicketExpectation(state: TicketExpectationState, event: TicketExpectationEvent): TicketExpectationState {
  switch (event.type) {
    case 'ExpectationUnmetRecorded': {
      const d = event.data;
      return {
        status: 'unmet',
        ticketId: d.ticketId,
        customerId: d.customerId,
        expectation: d.expectation,
        reason: d.reason,
        unmetRecordedBy: d.recordedBy,
        unmetRecordedAt: d.recordedAt,
      };
    }
    case 'ImprovementAnalysisRecorded': {
      if (state.status === 'none') return state;
      const d = event.data;
      return { ...state, status: 'analysed', analysis: d.analysis, improvementActions: d.improvementActions, analysedBy: d.recordedBy, analysedAt: d.recordedAt };
    }
    default:
      return assertNever(event);
  }
}

export const ticketExpectationDecider: Decider<TicketExpectationState, TicketExpectationCommand, TicketExpectationEvent> = {
  initialState: initialTicketExpectationState,
  decide: decideTicketExpectation,
  evolve: evolveTicketExpectation,
};
