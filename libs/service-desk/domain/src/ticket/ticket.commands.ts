import type { DomainCommand } from '@ebp/shared-kernel';
import type { ComplaintSeverity, TicketChannel, TicketKind } from './ticket.events';

export type RegisterTicket = DomainCommand<
  'RegisterTicket',
  {
    ticketId: string;
    channel: TicketChannel;
    kind: TicketKind;
    customerId: string;
    projectId?: string | null;
    description: string;
    /** When the customer made contact; defaults to `metadata.now`. */
    receivedAt?: string;
    /** SD-4: escalate to the general manager at once. Defaults to false. */
    major?: boolean;
    /** The registering staff member, who becomes the first-contact owner (SD-1). */
    ownerId: string;
    /** The owner's department from reference data; the ticket starts handled there. */
    ownerDepartment: string;
    /** The general manager's staff id from reference data; required when `major`. */
    generalManagerId?: string | null;
  }
>;

export type FlagTicketMajor = DomainCommand<
  'FlagTicketMajor',
  {
    ticketId: string;
    flaggedBy: string;
    reason?: string | null;
    /** The general manager's staff id from reference data. */
    generalManagerId: string;
  }
>;

/** A transfer candidate from reference data, with its recorded absence. */
export interface TransferCandidate {
  staffId: string;
  absent: boolean;
}

export type TransferTicket = DomainCommand<
  'TransferTicket',
  {
    ticketId: string;
    transferredBy: string;
    reason: string;
    targetDepartment: string;
    /** The target department's responsible manager, looked up by the application layer. */
    responsibleManager?: TransferCandidate | null;
    /** Another colleague in charge of the matter, used only when the manager is absent or missing. */
    alternate?: TransferCandidate | null;
  }
>;

export type RecordRepeatContact = DomainCommand<
  'RecordRepeatContact',
  {
    ticketId: string;
    channel: TicketChannel;
    /** Defaults to `metadata.now`. */
    contactedAt?: string;
    note?: string | null;
    recordedBy: string;
  }
>;

export type ResolveTicket = DomainCommand<
  'ResolveTicket',
  {
    ticketId: string;
    resolvedBy: string;
    resolution: string;
    /** Defaults to `metadata.now`. */
    resolvedAt?: string;
    /** False when a work liaison form is due but not filed yet (SD-5). Defaults to true. */
    liaisonFormFiled?: boolean;
    /** An emergency handled by technical service (SD-5). Defaults to false. */
    emergency?: boolean;
  }
>;

export type SubmitLiaisonForm = DomainCommand<
  'SubmitLiaisonForm',
  {
    ticketId: string;
    submittedBy: string;
    formReference?: string | null;
  }
>;

/** The staff member must be on the staff register (checked by the application layer). */
export type UpholdComplaint = DomainCommand<
  'UpholdComplaint',
  { ticketId: string; staffId: string; severity: ComplaintSeverity; finding: string; upheldBy: string }
>;

export type TicketCommand =
  | RegisterTicket
  | FlagTicketMajor
  | TransferTicket
  | RecordRepeatContact
  | ResolveTicket
  | SubmitLiaisonForm
  | UpholdComplaint;
