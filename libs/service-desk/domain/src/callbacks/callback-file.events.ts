import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** How a callback (回访) went. */
export const CALLBACK_OUTCOMES = ['satisfied', 'issues-raised', 'follow-up-needed'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export type ProjectDelivered = DomainEvent<
  'ProjectDelivered',
  {
    projectId: string;
    projectName: string;
    customerId: string;
    deliveredOn: string;
    deliveredBy: string;
    recordedAt: string;
  }
>;

export type CallbackRecorded = DomainEvent<
  'CallbackRecorded',
  {
    projectId: string;
    customerId: string;
    outcome: CallbackOutcome;
    notes: string | null;
    satisfaction: number;
    calledAt: string;
    /** Asia/Shanghai date of the call: the window it counts for contains it. */
    calledOn: string;
    calledBy: string;
    recordedAt: string;
  }
>;

export type CallbackFileEvent = ProjectDelivered | CallbackRecorded;
