import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';

export class ReportFaultDto {
  @ApiProperty({ description: 'When the fault occurred (ISO 8601 with offset)' }) @IsISO8601({ strict: true }) occurredAt!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) location!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) symptoms!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) contingencyPlan!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: ID_MESSAGE }) projectId?: string;
  @ApiProperty({ description: 'Staff id of the manager in charge, notified at once' })
  @Matches(ID, { message: ID_MESSAGE })
  managerInChargeId!: string;
}

export class EscalateFaultDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class FaultProgressDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) note!: string;
}

export class ResolveFaultDto {
  @ApiPropertyOptional({ description: 'When the fault ended (ISO 8601 with offset); defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  resolvedAt?: string;
}

export class FaultAnalysisDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) impact!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) handling!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) rootCause!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) correctiveMeasures!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) preventiveMeasures!: string;
  @ApiPropertyOptional({ description: 'Business department receiving the report (default business-dept)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  businessDepartment?: string;
}

export class OpenCollaborationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) subject!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) requestingDepartment!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  cooperatingDepartments!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) supervisingDepartment?: string;
}

export class RaiseDisputeDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
}

export class DepartmentOpinionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) department!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) opinion!: string;
}

export class RuleOnDisputeDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) ruling!: string;
}

export class CompletionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) summary!: string;
}
