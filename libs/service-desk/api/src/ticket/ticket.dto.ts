import {
  COMPLAINT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_KINDS,
  type ComplaintSeverity,
  type TicketChannel,
  type TicketKind,
} from '@ebp/service-desk-domain';
import { EntityId, OneOf, OptionalEntityId, OptionalFlag, OptionalText, OptionalTimestamp, Text } from '@ebp/shared-nest';

export class RegisterTicketDto {
  @OneOf(TICKET_CHANNELS) channel!: TicketChannel;
  @OneOf(TICKET_KINDS) kind!: TicketKind;
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @OptionalEntityId({ description: "One of the customer's registered projects" }) projectId?: string;
  @Text(4000) description!: string;
  @OptionalTimestamp({ description: 'When the customer made contact (ISO 8601 with offset); defaults to now' }) receivedAt?: string;
  @OptionalFlag({ description: 'SD-4: escalate to the general manager at once' }) major?: boolean;
}

export class TransferTicketDto {
  @Text(2000) reason!: string;
  @Text(100, { description: 'Department whose responsible manager takes the ticket (SD-3)' }) targetDepartment!: string;
  @OptionalEntityId({ description: 'Colleague in charge of the matter, used when the responsible manager is absent (SD-3)' }) alternateStaffId?: string;
}

export class ResolveTicketDto {
  @Text(4000) resolution!: string;
  @OptionalFlag({ description: 'SD-5: false when the work liaison form is still to be filed' }) liaisonFormFiled?: boolean;
  @OptionalFlag({ description: 'SD-5: an emergency handled by technical service' }) emergency?: boolean;
}

export class SubmitLiaisonFormDto {
  @OptionalText(200, { description: 'Reference of the paper or electronic work liaison form' }) formReference?: string;
}

export class RecordRepeatContactDto {
  @OneOf(TICKET_CHANNELS) channel!: TicketChannel;
  @OptionalTimestamp({ description: 'When the customer made contact again (ISO 8601 with offset); defaults to now' }) contactedAt?: string;
  @OptionalText(2000) note?: string;
}

export class UpholdComplaintDto {
  @EntityId({ description: 'The staff member the complaint is upheld against' }) staffId!: string;
  @OneOf(COMPLAINT_SEVERITIES) severity!: ComplaintSeverity;
  @Text(2000) finding!: string;
}

export class FlagMajorDto {
  @OptionalText(2000) reason?: string;
}
