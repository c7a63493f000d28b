import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type CollaborationOpened = DomainEvent<
  'CollaborationOpened',
  {
    collaborationId: string;
    openedBy: string;
    openedAt: string;
    subject: string;
    requestingDepartment: string;
    cooperatingDepartments: string[];
    supervisingDepartment: string;
  }
>;
export type DisputeRaised = DomainEvent<
  'DisputeRaised',
  { collaborationId: string; disputeId: string; raisedBy: string; raisedAt: string; description: string }
>;
export type DepartmentOpinionSubmitted = DomainEvent<
  'DepartmentOpinionSubmitted',
  { collaborationId: string; disputeId: string; department: string; submittedBy: string; submittedAt: string; opinion: string }
>;
/** SD-13: the Office's ruling binds every department involved. */
export type DisputeRuled = DomainEvent<
  'DisputeRuled',
  { collaborationId: string; disputeId: string; ruledBy: string; ruledAt: string; ruling: string }
>;
export type CollaborationCompleted = DomainEvent<
  'CollaborationCompleted',
  { collaborationId: string; completedBy: string; completedAt: string; summary: string; rulingsFollowed: string[] }
>;

export type CollaborationEvent = CollaborationOpened | DisputeRaised | DepartmentOpinionSubmitted | DisputeRuled | CollaborationCompleted;
