import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SHIRKING_KINDS, SHIRKING_SANCTIONS, type ShirkingKind, type ShirkingSanction } from '@ebp/service-desk-domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';
const WHEN = 'ISO 8601 with offset; defaults to now; may be in the past, never in the future';

export class StartHotlineServiceDto {
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) startedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CustomerAuthorizationDto {
  @ApiProperty({ description: 'Who at the customer authorized remote service' }) @IsString() @MaxLength(100) authorizedBy!: string;
  @ApiProperty({ description: 'When they authorized it (ISO 8601 with offset)' }) @IsISO8601({ strict: true }) authorizedAt!: string;
}

export class EscalateToRemoteDto {
  // Optional here so a missing authorization is refused by the domain, naming SD-8.
  @ApiPropertyOptional({ type: CustomerAuthorizationDto, description: "SD-8: the customer's recorded authorization; required" })
  @IsOptional() @ValidateNested() @Type(() => CustomerAuthorizationDto) authorization?: CustomerAuthorizationDto;
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) escalatedAt?: string;
}

export class DeclareRemoteImpossibleDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) declaredAt?: string;
}

export class DispatchOnSiteDto {
  @ApiProperty({ description: "The customer's site (its configured response time sets the deadline)" })
  @Matches(ID, { message: ID_MESSAGE }) siteId!: string;
  @ApiPropertyOptional({ description: `${WHEN}; the deadline runs from it` }) @IsOptional() @IsISO8601({ strict: true }) dispatchedAt?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: ID_MESSAGE }) engineerId?: string;
}

export class RecordArrivalDto {
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) arrivedAt?: string;
}

export class RecordShirkingFindingDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) ticketId!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) staffId!: string;
  @ApiProperty({ enum: SHIRKING_KINDS }) @IsIn(SHIRKING_KINDS) kind!: ShirkingKind;
  @ApiProperty({ enum: SHIRKING_SANCTIONS }) @IsIn(SHIRKING_SANCTIONS) sanction!: ShirkingSanction;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
}

export class RecordCustomerPreferenceDto {
  @ApiProperty({ description: 'e.g. contact, visit-times, language' }) @IsString() @IsNotEmpty() @MaxLength(100) topic!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) preference!: string;
}

export class RecordExpectationUnmetDto {
  @ApiProperty({ description: 'What the customer expected' }) @IsString() @IsNotEmpty() @MaxLength(2000) expectation!: string;
  @ApiProperty({ description: 'Why it cannot be met' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class RecordImprovementAnalysisDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) analysis!: string;
  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true }) improvementActions!: string[];
}
