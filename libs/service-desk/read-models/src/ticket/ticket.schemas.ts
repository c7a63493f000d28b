import {
  COMPLAINT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_EVENT_TYPES,
  TICKET_KINDS,
  type Ticket,
  type TicketChannel,
  type TicketKind,
} from '@ebp/service-desk-domain';
import { ApiBool, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText, ApiTextList } from '@ebp/shared-nest';
import type { TicketHistoryEntry, TicketView } from './ticket.projection';
import type { TicketSummary } from './ticket.queries';

const STATUSES = ['open', 'resolved'] as const;

export class TicketHistoryEntrySchema implements TicketHistoryEntry {
  @ApiInt({ description: 'Stream revision of the event' }) revision!: number;
  @ApiInt({ description: 'Global event-store position of the event' }) position!: number;
  @ApiEnum(TICKET_EVENT_TYPES) type!: TicketHistoryEntry['type'];
  @ApiInstant({ description: 'When the event occurred' }) at!: string;
  @ApiText() actorId!: string;
  @ApiText({ example: 'transferred to eng-wu (technical-service): needs an engineer' }) summary!: string;
}

export class UpheldComplaintSchema {
  @ApiText() staffId!: string;
  @ApiEnum(COMPLAINT_SEVERITIES) severity!: string;
}

/** A ticket without its history: one item of every ticket list. */
export class TicketSummarySchema implements TicketSummary {
  @ApiText() ticketId!: string;
  @ApiEnum(STATUSES) status!: 'open' | 'resolved';
  @ApiEnum(TICKET_KINDS) kind!: TicketKind;
  @ApiEnum(TICKET_CHANNELS) channel!: TicketChannel;
  @ApiText() customerId!: string;
  @ApiText({ nullable: true }) projectId!: string | null;
  @ApiText() description!: string;
  @ApiInstant() receivedAt!: string;
  @ApiInstant() registeredAt!: string;
  @ApiText({ description: 'First-contact owner (SD-1)' }) ownerId!: string;
  @ApiText() ownerDepartment!: string;
  @ApiText({ description: 'Current handler after transfers (SD-3)' }) handlerId!: string;
  @ApiText() handlingDepartment!: string;
  @ApiBool({ description: 'SD-4 major ticket' }) major!: boolean;
  @ApiInstant({ nullable: true }) escalatedToGeneralManagerAt!: string | null;
  @ApiText({ nullable: true }) generalManagerId!: string | null;
  @ApiInt({ minimum: 0 }) transferCount!: number;
  @ApiInt({ minimum: 0 }) repeatContactCount!: number;
  @ApiBool({ description: 'SD-7: the customer had to call again' }) neededSecondCall!: boolean;
  @ApiBool() liaisonFormPending!: boolean;
  @ApiBool({ nullable: true, description: 'Null while open' }) atFirstContact!: boolean | null;
  @ApiBool() emergency!: boolean;
  @ApiInstant({ nullable: true }) resolvedAt!: string | null;
  @ApiText({ nullable: true }) resolvedBy!: string | null;
  @ApiText({ nullable: true }) resolution!: string | null;
  // Optional in the document: tickets projected before the field existed lack it until a complaint is upheld.
  @ApiNestedList(UpheldComplaintSchema, { optional: true, description: 'HR-4: staff members a complaint on this ticket was upheld against; absent on older documents' })
  upheldAgainst!: UpheldComplaintSchema[];
  @ApiInt({ description: 'Stream revision; the ETag of the detail' }) revision!: number;
  @ApiInstant() updatedAt!: string;
}

export class TicketViewSchema extends TicketSummarySchema implements TicketView {
  @ApiNestedList(TicketHistoryEntrySchema) history!: TicketHistoryEntrySchema[];
}

/** The ticket aggregate's own state, as folded from its events. */
export class TicketStateSchema implements Ticket {
  @ApiEnum(STATUSES) status!: 'open' | 'resolved';
  @ApiText() ticketId!: string;
  @ApiEnum(TICKET_CHANNELS) channel!: TicketChannel;
  @ApiEnum(TICKET_KINDS) kind!: TicketKind;
  @ApiText() customerId!: string;
  @ApiText({ nullable: true }) projectId!: string | null;
  @ApiText() description!: string;
  @ApiInstant() receivedAt!: string;
  @ApiInstant() registeredAt!: string;
  @ApiText() ownerId!: string;
  @ApiText() ownerDepartment!: string;
  @ApiText() handlerId!: string;
  @ApiText() handlingDepartment!: string;
  @ApiBool() major!: boolean;
  @ApiText({ nullable: true }) generalManagerId!: string | null;
  @ApiInstant({ nullable: true }) escalatedAt!: string | null;
  @ApiInt({ minimum: 0 }) transfers!: number;
  @ApiInt({ minimum: 0 }) repeatContacts!: number;
  @ApiInstant() lastContactAt!: string;
  @ApiInstant({ nullable: true }) resolvedAt!: string | null;
  @ApiText({ nullable: true }) resolvedBy!: string | null;
  @ApiText({ nullable: true }) resolution!: string | null;
  @ApiBool({ nullable: true, description: 'Null while open' }) atFirstContact!: boolean | null;
  @ApiBool() liaisonFormPending!: boolean;
  @ApiBool() emergency!: boolean;
  @ApiTextList({ description: 'Staff members a complaint on this ticket was upheld against' }) upheldAgainst!: string[];
}

/** Time travel: the ticket as it stood at `asOf`. */
export class TicketAsOfSchema {
  @ApiInstant({ description: 'The moment asked for' }) asOf!: string;
  @ApiInt({ description: 'Revision of the last event recorded by then' }) revision!: number;
  @ApiInstant({ description: 'When that event was recorded' }) lastChangedAt!: string;
  @ApiNested(TicketStateSchema) state!: TicketStateSchema;
}
