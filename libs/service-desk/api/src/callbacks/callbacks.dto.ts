import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CALLBACK_OUTCOMES, type CallbackOutcome } from '@ebp/service-desk-domain';
import { CalendarDate, EntityId, OneOf, OptionalText, OptionalTimestamp, Text, Timestamp } from '@ebp/shared-nest';

export class DeliverProjectDto {
  @CalendarDate(
    { description: 'Asia/Shanghai calendar date of delivery (YYYY-MM-DD); opens the callback file (SD-11)', example: '2026-02-17' },
    { message: 'deliveredOn must be YYYY-MM-DD' },
  )
  deliveredOn!: string;
}

export class RecordCallbackDto {
  @OneOf(CALLBACK_OUTCOMES) outcome!: CallbackOutcome;
  @OptionalText(4000) notes?: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @OptionalTimestamp({ description: 'When the customer was called (ISO 8601 with offset); defaults to now' }) calledAt?: string;
}

export class RecordGiftSentDto {
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @Timestamp({ description: 'When the New Year gift was sent: December of the campaign year (ISO 8601 with offset)' }) sentAt!: string;
  @OptionalText(2000) note?: string;
}

export class RecordNeedsPlanDto {
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @Text(8000, { description: "The customer's needs plan for the next year" }) plan!: string;
  @OptionalTimestamp({ description: 'When the needs were collected (December of the campaign year); defaults to now' }) surveyedAt?: string;
}
