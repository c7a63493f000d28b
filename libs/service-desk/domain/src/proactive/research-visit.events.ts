import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const VISIT_FEEDBACK_KINDS = ['opinion', 'suggestion', 'complaint'] as const;
export type VisitFeedbackKind = (typeof VISIT_FEEDBACK_KINDS)[number];

export type ResearchVisitOpened = DomainEvent<
  'ResearchVisitOpened',
  { visitId: string; customerId: string; visitedAt: string; leaderId: string; leaderDepartment: string; openedAt: string }
>;

export type VisitFeedbackRecorded = DomainEvent<
  'VisitFeedbackRecorded',
  {
    visitId: string;
    feedbackId: string;
    customerId: string;
    kind: VisitFeedbackKind;
    text: string;
    recordedBy: string;
    recorderDepartment: string;
    recordedAt: string;
  }
>;

export type ResearchVisitClosed = DomainEvent<
  'ResearchVisitClosed',
  { visitId: string; summary: string; solutionPlan: string; closedBy: string; closedAt: string }
>;

export type ResearchVisitEvent = ResearchVisitOpened | VisitFeedbackRecorded | ResearchVisitClosed;
