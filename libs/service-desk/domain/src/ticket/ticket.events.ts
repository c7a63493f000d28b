import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const TICKET_CHANNELS = ['hotline', 'email', 'letter', 'fax', 'on-site', 'web'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_KINDS = ['complaint', 'service-request', 'inquiry'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export type TicketRegistered = DomainEvent<
  'TicketRegistered',
  {
    ticketId: string;
    channel: TicketChannel;
    kind: TicketKind;
    customerId: string;
    projectId: string | null;
    description: string;
    receivedAt: string;
    registeredAt: string;
    /** First-contact owner (SD-1): the registering staff member, for the ticket's whole life. */
    ownerId: string;
    ownerDepartment: string;
    major: boolean;
  }
>;

/** SD-4: emitted with a major registration or when an open ticket is flagged major. */
export type TicketEscalatedToGeneralManager = DomainEvent<
  'TicketEscalatedToGeneralManager',
  {
    ticketId: string;
    generalManagerId: string;
    escalatedBy: string;
    escalatedAt: string;
    reason: string | null;
  }
>;

export type TicketTransferred = DomainEvent<
  'TicketTransferred',
  {
    ticketId: string;
    ownerId: string;
    fromHandlerId: string;
    fromDepartment: string;
    toHandlerId: string;
    toDepartment: string;
    reason: string;
    transferredBy: string;
    transferredAt: string;
    /** True when the department's responsible manager was absent and an alternate colleague took it (SD-3). */
    viaAlternate: boolean;
    /** 1 for the first transfer of this ticket. */
    transferCount: number;
  }
>;

export type RepeatContactRecorded = DomainEvent<
  'RepeatContactRecorded',
  {
    ticketId: string;
    channel: TicketChannel;
    contactedAt: string;
    note: string | null;
    recordedBy: string;
    recordedAt: string;
    /** 1 for the customer's second contact about this ticket (SD-7). */
    repeatContactCount: number;
  }
>;

export type TicketResolved = DomainEvent<
  'TicketResolved',
  {
    ticketId: string;
    customerId: string;
    kind: TicketKind;
    major: boolean;
    ownerId: string;
    handlerId: string;
    handlingDepartment: string;
    receivedAt: string;
    resolvedBy: string;
    resolution: string;
    resolvedAt: string;
    /** SD-2: resolved by the owner and never transferred. */
    atFirstContact: boolean;
    /** SD-5: resolved before the work liaison form was filed. */
    liaisonFormPending: boolean;
    emergency: boolean;
    transferCount: number;
    repeatContactCount: number;
  }
>;

export type LiaisonFormSubmitted = DomainEvent<
  'LiaisonFormSubmitted',
  {
    ticketId: string;
    submittedBy: string;
    submittedAt: string;
    formReference: string | null;
  }
>;

export const COMPLAINT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** A complaint found justified against a staff member; HR fines it by severity (HR-4). */
export type ComplaintUpheld = DomainEvent<
  'ComplaintUpheld',
  {
    ticketId: string;
    customerId: string;
    staffId: string;
    severity: ComplaintSeverity;
    finding: string;
    upheldBy: string;
    upheldAt: string;
  }
>;

export type TicketEvent =
  | TicketRegistered
  | TicketEscalatedToGeneralManager
  | TicketTransferred
  | RepeatContactRecorded
  | TicketResolved
  | LiaisonFormSubmitted
  | ComplaintUpheld;

export const TICKET_EVENT_TYPES: readonly TicketEvent['type'][] = [
  'TicketRegistered',
  'TicketEscalatedToGeneralManager',
  'TicketTransferred',
  'RepeatContactRecorded',
  'TicketResolved',
  'LiaisonFormSubmitted',
  'ComplaintUpheld',
];
