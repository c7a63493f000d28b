import type { DomainCommand } from '@ebp/shared-kernel';

export type RecordExpectationUnmet = DomainCommand<
  'RecordExpectationUnmet',
  { ticketId: string; customerId: string; expectation: string; reason: string; recordedBy: string }
>;
export type RecordImprovementAnalysis = DomainCommand<
  'RecordImprovementAnalysis',
  { ticketId: string; analysis: string; improvementActions: string[]; recordedBy: string }
>;
export type TicketExpectationCommand = RecordExpectationUnmet | RecordImprovementAnalysis;
