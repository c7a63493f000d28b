import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type HotlineServiceStarted = DomainEvent<
  'HotlineServiceStarted',
  { ticketId: string; customerId: string; startedBy: string; startedAt: string; note: string | null; recordedAt: string }
>;
export type EscalatedToRemoteService = DomainEvent<
  'EscalatedToRemoteService',
  { ticketId: string; authorizedBy: string; authorizedAt: string; escalatedBy: string; escalatedAt: string; recordedAt: string }
>;
export type RemoteServiceDeclaredImpossible = DomainEvent<
  'RemoteServiceDeclaredImpossible',
  { ticketId: string; reason: string; declaredBy: string; declaredAt: string; recordedAt: string }
>;
export type OnSiteServiceDispatched = DomainEvent<
  'OnSiteServiceDispatched',
  {
    ticketId: string;
    siteId: string;
    siteName: string;
    responseTimeMinutes: number;
    dispatchedBy: string;
    dispatchedAt: string;
    /** dispatchedAt + the site's configured response time. */
    deadline: string;
    engineerId: string | null;
    recordedAt: string;
  }
>;
export type OnSiteArrivalRecorded = DomainEvent<
  'OnSiteArrivalRecorded',
  {
    ticketId: string;
    siteId: string;
    arrivedAt: string;
    deadline: string;
    /** SD-8: arrival after the deadline. */
    breached: boolean;
    /** Whole minutes after the deadline, rounded up; 0 when on time. */
    minutesLate: number;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type ServiceLadderEvent =
  | HotlineServiceStarted
  | EscalatedToRemoteService
  | RemoteServiceDeclaredImpossible
  | OnSiteServiceDispatched
  | OnSiteArrivalRecorded;

export const SERVICE_LADDER_EVENT_TYPES: readonly ServiceLadderEvent['type'][] = [
  'HotlineServiceStarted',
  'EscalatedToRemoteService',
  'RemoteServiceDeclaredImpossible',
  'OnSiteServiceDispatched',
  'OnSiteArrivalRecorded',
];
