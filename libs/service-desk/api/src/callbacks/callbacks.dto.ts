import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CALLBACK_OUTCOMES, type CallbackOutcome } from '@ebp/service-desk-domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';

export class DeliverProjectDto {
  @ApiProperty({ description: 'Asia/Shanghai calendar date of delivery (YYYY-MM-DD); opens the callback file (SD-11)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deliveredOn must be YYYY-MM-DD' })
  deliveredOn!: string;
}

export class RecordCallbackDto {
  @ApiProperty({ enum: CALLBACK_OUTCOMES }) @IsIn(CALLBACK_OUTCOMES) outcome!: CallbackOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @ApiPropertyOptional({ description: 'When the customer was called (ISO 8601 with offset); defaults to now' })
  @IsOptional() @IsISO8601({ strict: true }) calledAt?: string;
}

export class RecordGiftSentDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiProperty({ description: 'When the New Year gift was sent: December of the campaign year (ISO 8601 with offset)' })
  @IsISO8601({ strict: true }) sentAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RecordNeedsPlanDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiProperty({ description: "The customer's needs plan for the next year" }) @IsString() @IsNotEmpty() @MaxLength(8000) plan!: string;
  @ApiPropertyOptional({ description: 'When the needs were collected (December of the campaign year); defaults to now' })
  @IsOptional() @IsISO8601({ strict: true }) surveyedAt?: string;
}
