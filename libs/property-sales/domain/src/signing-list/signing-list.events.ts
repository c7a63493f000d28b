import type { DomainEvent } from '@ebp/shared-eventsourcing';

export interface SigningAppointment {
  unitId: string;
  customerId: string;
  /** HH:MM on the signing day. */
  time: string;
}

/** PS-6: the agency supervisor's list of the next day's signings, to the site manager and finance; late after the deadline. */
export type SigningListSubmitted = DomainEvent<
  'SigningListSubmitted',
  {
    projectId: string;
    agencyId: string;
    /** The signing day (the day after submission is due). */
    date: string;
    appointments: SigningAppointment[];
    submittedBy: string;
    submittedAt: string;
    /** The instant it was due: 17:00 (policy) the day before `date`. */
    dueAt: string;
    late: boolean;
    /** A resubmission replaces the list; version 1 is the first. */
    version: number;
  }
>;

export type SigningListEvent = SigningListSubmitted;
