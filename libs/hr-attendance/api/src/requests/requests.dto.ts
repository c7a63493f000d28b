import { CORRECTION_KINDS, LEAVE_KINDS, type CorrectionKind, type LeaveKind } from '@ebp/hr-attendance-domain';
import { CalendarDate, OneOf, OptionalText, Text } from '@ebp/shared-nest';

export class RequestLeaveDto {
  @CalendarDate({ description: 'First day of leave' }) from!: string;
  @CalendarDate({ description: 'Last day of leave, in the same calendar month as from (one request per month)', example: '2026-03-04' }) to!: string;
  @OneOf(LEAVE_KINDS) kind!: LeaveKind;
  @Text(2000, { description: 'Why' }) reason!: string;
}

export class RequestCorrectionDto {
  @CalendarDate({ description: 'The working day with a late arrival or absence to correct (today or earlier)' }) date!: string;
  @OneOf(CORRECTION_KINDS, { description: 'forgotten-punch, or field-work (the day or morning was spent working outside)' }) kind!: CorrectionKind;
  @Text(2000, { description: 'What happened' }) reason!: string;
}

export class DecisionDto {
  @OptionalText(2000, { description: 'Why (kept with a rejection)' }) reason?: string | null;
}
