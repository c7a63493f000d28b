import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SHIRKING_KINDS, SHIRKING_SANCTIONS, type ShirkingKind, type ShirkingSanction } from '@ebp/service-desk-domain';
import { EntityId, OneOf, OptionalEntityId, OptionalText, OptionalTimestamp, Text, Timestamp } from '@ebp/shared-nest';

const WHEN = 'ISO 8601 with offset; defaults to now; may be in the past, never in the future';

export class StartHotlineServiceDto {
  @OptionalTimestamp({ description: WHEN }) startedAt?: string;
  @OptionalText(2000) note?: string;
}

export class CustomerAuthorizationDto {
  @ApiProperty({ type: String, maxLength: 100, description: 'Who at the customer authorized remote service' })
  @IsString() @MaxLength(100) authorizedBy!: string;
  @Timestamp({ description: 'When they authorized it (ISO 8601 with offset)' }) authorizedAt!: string;
}

export class EscalateToRemoteDto {
  // Optional here so a missing authorization is refused by the domain, naming SD-8.
  @ApiPropertyOptional({ type: CustomerAuthorizationDto, description: "SD-8: the customer's recorded authorization; required" })
  @IsOptional() @ValidateNested() @Type(() => CustomerAuthorizationDto) authorization?: CustomerAuthorizationDto;
  @OptionalTimestamp({ description: WHEN }) escalatedAt?: string;
}

export class DeclareRemoteImpossibleDto {
  @Text(2000) reason!: string;
  @OptionalTimestamp({ description: WHEN }) declaredAt?: string;
}

export class DispatchOnSiteDto {
  @EntityId({ description: "The customer's site (its configured response time sets the deadline)" }) siteId!: string;
  @OptionalTimestamp({ description: `${WHEN}; the deadline runs from it` }) dispatchedAt?: string;
  @OptionalEntityId({ description: 'Staff id of the engineer sent' }) engineerId?: string;
}

export class RecordArrivalDto {
  @OptionalTimestamp({ description: WHEN }) arrivedAt?: string;
}

export class RecordShirkingFindingDto {
  @Text(64, { description: 'The ticket the shirking was found on' }) ticketId!: string;
  @EntityId({ description: 'The staff member found shirking' }) staffId!: string;
  @OneOf(SHIRKING_KINDS) kind!: ShirkingKind;
  @OneOf(SHIRKING_SANCTIONS) sanction!: ShirkingSanction;
  @Text(4000) description!: string;
}

export class RecordCustomerPreferenceDto {
  @Text(100, { description: 'e.g. contact, visit-times, language' }) topic!: string;
  @Text(2000) preference!: string;
}

export class RecordExpectationUnmetDto {
  @Text(2000, { description: 'What the customer expected' }) expectation!: string;
  @Text(2000, { description: 'Why it cannot be met' }) reason!: string;
}

export class RecordImprovementAnalysisDto {
  @Text(4000) analysis!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 50 })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true }) improvementActions!: string[];
}
