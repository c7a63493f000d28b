import type { DomainCommand } from '@ebp/shared-kernel';

/** A customer site from the directory, as the application layer found it. */
export interface LadderSite {
  siteId: string;
  name: string;
  responseTimeMinutes: number | null;
}

export type StartHotlineService = DomainCommand<
  'StartHotlineService',
  { ticketId: string; customerId: string; startedBy: string; startedAt?: string | null; note?: string | null }
>;

export type EscalateToRemote = DomainCommand<
  'EscalateToRemote',
  {
    ticketId: string;
    escalatedBy: string;
    escalatedAt?: string | null;
    /** The customer's recorded authorization; required (SD-8). */
    authorization?: { authorizedBy?: string | null; authorizedAt?: string | null } | null;
  }
>;

export type DeclareRemoteImpossible = DomainCommand<
  'DeclareRemoteImpossible',
  { ticketId: string; reason: string; declaredBy: string; declaredAt?: string | null }
>;

export type DispatchOnSite = DomainCommand<
  'DispatchOnSite',
  {
    ticketId: string;
    siteId: string;
    /** The site from the customer directory, or null when the customer has no such site. */
    site: LadderSite | null;
    dispatchedBy: string;
    /** Defaults to now; may be in the past (dispatch recorded after the fact), never in the future. */
    dispatchedAt?: string | null;
    engineerId?: string | null;
  }
>;

export type RecordArrival = DomainCommand<'RecordArrival', { ticketId: string; recordedBy: string; arrivedAt?: string | null }>;

export type ServiceLadderCommand = StartHotlineService | EscalateToRemote | DeclareRemoteImpossible | DispatchOnSite | RecordArrival;
