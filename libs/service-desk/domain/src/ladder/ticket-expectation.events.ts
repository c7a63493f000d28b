import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type ExpectationUnmetRecorded = DomainEvent<
  'ExpectationUnmetRecorded',
  { ticketId: string; customerId: string; expectation: string; reason: string; recordedBy: string; recordedAt: string }
>;
export type ImprovementAnalysisRecorded = DomainEvent<
  'ImprovementAnalysisRecorded',
  { ticketId: string; analysis: string; improvementActions: string[]; recordedBy: string; recordedAt: string }
>;
export type TicketExpectationEvent = ExpectationUnmetRecorded | ImprovementAnalysisRecorded;
