import { assertNever, streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/**
 * Ticket published language (SD-1 … SD-7, HR-4) for downstream consumers (other contexts, Kafka).
 * Each type is versioned; a breaking change ships as `.v2` next to `.v1`, never in place.
 */

/** How the customer reached us. */
export type TicketChannelV1 = 'hotline' | 'email' | 'letter' | 'fax' | 'on-site' | 'web';
/** What the customer raised. */
export type TicketKindV1 = 'complaint' | 'service-request' | 'inquiry';

export interface TicketRegisteredV1Data {
  /** Ticket id. */
  ticketId: string;
  /** Contact channel of the first contact. */
  channel: TicketChannelV1;
  /** Complaint, service request or inquiry. */
  kind: TicketKindV1;
  /** Customer id (service-desk reference data). */
  customerId: string;
  /** Project id, or null when the contact concerns no particular project. */
  projectId: string | null;
  /** The customer's matter as registered. */
  description: string;
  /** When the customer made contact, ISO-8601 with offset. */
  receivedAt: string;
  /** Staff id of the first-contact owner (首问责任人), accountable for the ticket's whole life. */
  ownerId: string;
  /** Department of the owner. */
  ownerDepartment: string;
  /** True when flagged major (重大事项) at registration; a `ticket-escalated.v1` follows. */
  major: boolean;
}

export interface TicketEscalatedV1Data {
  /** Ticket id. */
  ticketId: string;
  /** Staff id of the general manager the major ticket was escalated to. */
  generalManagerId: string;
  /** Staff id of whoever flagged the ticket major. */
  escalatedBy: string;
  /** When it was escalated, ISO-8601 with offset. */
  escalatedAt: string;
  /** Why it is major, when given. */
  reason: string | null;
}

export interface TicketTransferredV1Data {
  /** Ticket id. */
  ticketId: string;
  /** Staff id of the first-contact owner; unchanged by transfers and still accountable. */
  ownerId: string;
  /** Staff id of the previous handler. */
  fromHandlerId: string;
  /** Department of the previous handler. */
  fromDepartment: string;
  /** Staff id of the new handler: the department's responsible manager, or a colleague in charge when the manager is absent. */
  toHandlerId: string;
  /** Department now handling the ticket. */
  toDepartment: string;
  /** Why the matter was out of the previous handler's scope. */
  reason: string;
  /** Staff id of whoever transferred it. */
  transferredBy: string;
  /** When it was transferred, ISO-8601 with offset. */
  transferredAt: string;
  /** True when the responsible manager was absent and the colleague in charge took it. */
  viaAlternate: boolean;
  /** Number of transfers of this ticket so far, this one included. */
  transferCount: number;
}

export interface TicketRepeatContactRecordedV1Data {
  /** Ticket id. */
  ticketId: string;
  /** Channel of the repeat contact. */
  channel: TicketChannelV1;
  /** When the customer contacted us again, ISO-8601 with offset. */
  contactedAt: string;
  /** What the customer said, when noted. */
  note: string | null;
  /** Number of repeat contacts on this ticket so far, this one included ("second calls"). */
  repeatContactCount: number;
}

export interface TicketResolvedV1Data {
  /** Ticket id. */
  ticketId: string;
  /** Customer id. */
  customerId: string;
  /** Complaint, service request or inquiry. */
  kind: TicketKindV1;
  /** Whether the ticket was major. */
  major: boolean;
  /** Staff id of the first-contact owner. */
  ownerId: string;
  /** Staff id of the handler at resolution. */
  handlerId: string;
  /** Department handling the ticket at resolution. */
  handlingDepartment: string;
  /** When the customer first made contact, ISO-8601 with offset (with `resolvedAt`, the time to resolve). */
  receivedAt: string;
  /** Staff id of whoever resolved it. */
  resolvedBy: string;
  /** How it was resolved. */
  resolution: string;
  /** When it was resolved, ISO-8601 with offset. */
  resolvedAt: string;
  /** Resolved at first contact (一次办结): by the owner, never transferred. */
  atFirstContact: boolean;
  /** Resolved before its work liaison form was filed; a later domain event clears it. */
  liaisonFormPending: boolean;
  /** An emergency handled by technical service. */
  emergency: boolean;
  /** Transfers before resolution. */
  transferCount: number;
  /** Repeat contacts before resolution. */
  repeatContactCount: number;
}

/** HR-4: a customer complaint found justified against a staff member; HR sets the fine by severity. */
export interface ComplaintUpheldV1Data {
  /** The complaint ticket. */
  ticketId: string;
  /** Customer who complained. */
  customerId: string;
  /** Staff id of the employee the complaint is upheld against. */
  staffId: string;
  /** `minor`, `moderate` or `serious`: HR's fine schedule keys on it (at least 10 CNY). */
  severity: 'minor' | 'moderate' | 'serious';
  /** What was found. */
  finding: string;
  /** Staff id of the supervisor who upheld it. */
  upheldBy: string;
  /** When it was upheld, ISO-8601 with offset. */
  upheldAt: string;
}

export type TicketRegisteredV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.ticket-registered.v1', TicketRegisteredV1Data>;
export type TicketEscalatedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.ticket-escalated.v1', TicketEscalatedV1Data>;
export type TicketTransferredV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.ticket-transferred.v1', TicketTransferredV1Data>;
export type TicketRepeatContactRecordedV1 = ServiceDeskIntegrationEventEnvelope<
  'service-desk.ticket-repeat-contact-recorded.v1',
  TicketRepeatContactRecordedV1Data
>;
export type TicketResolvedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.ticket-resolved.v1', TicketResolvedV1Data>;
export type ComplaintUpheldV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.complaint-upheld.v1', ComplaintUpheldV1Data>;

/** The ticket area's integration events (the name predates the other areas). */
export type ServiceDeskIntegrationEvent =
  | TicketRegisteredV1
  | TicketEscalatedV1
  | TicketTransferredV1
  | TicketRepeatContactRecordedV1
  | TicketResolvedV1
  | ComplaintUpheldV1;

export const SERVICE_DESK_INTEGRATION_EVENT_TYPES: readonly ServiceDeskIntegrationEvent['type'][] = [
  'service-desk.ticket-registered.v1',
  'service-desk.ticket-escalated.v1',
  'service-desk.ticket-transferred.v1',
  'service-desk.ticket-repeat-contact-recorded.v1',
  'service-desk.ticket-resolved.v1',
  'service-desk.complaint-upheld.v1',
];

/**
 * The ticket domain events this mapping reads, as the contracts see them. Contracts may not
 * depend on the domain (lint), so the domain's spec checks its events stay assignable to these.
 */
export type TicketSourceEvent =
  | { type: 'TicketRegistered'; data: TicketRegisteredV1Data }
  | { type: 'TicketEscalatedToGeneralManager'; data: TicketEscalatedV1Data }
  | { type: 'TicketTransferred'; data: TicketTransferredV1Data }
  | { type: 'RepeatContactRecorded'; data: TicketRepeatContactRecordedV1Data }
  | { type: 'TicketResolved'; data: TicketResolvedV1Data }
  | { type: 'LiaisonFormSubmitted'; data: { ticketId: string } }
  | { type: 'ComplaintUpheld'; data: ComplaintUpheldV1Data };

const ticketStreams = streamCategory(SERVICE_DESK_SOURCE, 'ticket');
const SOURCE_TYPES: ReadonlySet<string> = new Set<TicketSourceEvent['type']>([
  'TicketRegistered',
  'TicketEscalatedToGeneralManager',
  'TicketTransferred',
  'RepeatContactRecorded',
  'TicketResolved',
  'LiaisonFormSubmitted',
  'ComplaintUpheld',
]);

function isTicketSourceEvent(event: RecordedEvent): event is RecordedEvent<TicketSourceEvent> {
  return ticketStreams.owns(event.metadata.streamId) && SOURCE_TYPES.has(event.type);
}

/**
 * Maps a recorded ticket event to its integration event, or null when the event is internal
 * (paperwork) or from another stream. Fields are copied one by one
 * so a new domain field never leaks into a published v1 contract.
 */
export function toIntegrationEvent(event: RecordedEvent): ServiceDeskIntegrationEvent | null {
  if (!isTicketSourceEvent(event)) return null;
  const source = { type: event.type, data: event.data } as TicketSourceEvent;
  switch (source.type) {
    case 'TicketRegistered': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.ticket-registered.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        channel: d.channel,
        kind: d.kind,
        customerId: d.customerId,
        projectId: d.projectId,
        description: d.description,
        receivedAt: d.receivedAt,
        ownerId: d.ownerId,
        ownerDepartment: d.ownerDepartment,
        major: d.major,
      });
    }
    case 'TicketEscalatedToGeneralManager': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.ticket-escalated.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        generalManagerId: d.generalManagerId,
        escalatedBy: d.escalatedBy,
        escalatedAt: d.escalatedAt,
        reason: d.reason,
      });
    }
    case 'TicketTransferred': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.ticket-transferred.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        ownerId: d.ownerId,
        fromHandlerId: d.fromHandlerId,
        fromDepartment: d.fromDepartment,
        toHandlerId: d.toHandlerId,
        toDepartment: d.toDepartment,
        reason: d.reason,
        transferredBy: d.transferredBy,
        transferredAt: d.transferredAt,
        viaAlternate: d.viaAlternate,
        transferCount: d.transferCount,
      });
    }
    case 'RepeatContactRecorded': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.ticket-repeat-contact-recorded.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        channel: d.channel,
        contactedAt: d.contactedAt,
        note: d.note,
        repeatContactCount: d.repeatContactCount,
      });
    }
    case 'TicketResolved': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.ticket-resolved.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        customerId: d.customerId,
        kind: d.kind,
        major: d.major,
        ownerId: d.ownerId,
        handlerId: d.handlerId,
        handlingDepartment: d.handlingDepartment,
        receivedAt: d.receivedAt,
        resolvedBy: d.resolvedBy,
        resolution: d.resolution,
        resolvedAt: d.resolvedAt,
        atFirstContact: d.atFirstContact,
        liaisonFormPending: d.liaisonFormPending,
        emergency: d.emergency,
        transferCount: d.transferCount,
        repeatContactCount: d.repeatContactCount,
      });
    }
    case 'LiaisonFormSubmitted':
      return null;
    case 'ComplaintUpheld': {
      const d = source.data;
      return serviceDeskEnvelope('service-desk.complaint-upheld.v1', event, d.ticketId, {
        ticketId: d.ticketId,
        customerId: d.customerId,
        staffId: d.staffId,
        severity: d.severity,
        finding: d.finding,
        upheldBy: d.upheldBy,
        upheldAt: d.upheldAt,
      });
    }
    default:
      return assertNever(source);
  }
}
