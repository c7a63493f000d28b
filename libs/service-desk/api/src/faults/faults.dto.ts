import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EntityId, OptionalEntityId, OptionalText, OptionalTimestamp, Text, Timestamp } from '@ebp/shared-nest';

export class ReportFaultDto {
  @Timestamp({ description: 'When the fault occurred (ISO 8601 with offset)' }) occurredAt!: string;
  @Text(500, { description: 'Where the fault is' }) location!: string;
  @Text(4000) symptoms!: string;
  @Text(4000, { description: 'What is done meanwhile to limit the impact' }) contingencyPlan!: string;
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @OptionalEntityId({ description: "One of the customer's projects; its business signer is notified" }) projectId?: string;
  @EntityId({ description: 'Staff id of the manager in charge, notified at once' }) managerInChargeId!: string;
}

export class EscalateFaultDto {
  @OptionalText(2000) note?: string;
}

export class FaultProgressDto {
  @Text(4000) note!: string;
}

export class ResolveFaultDto {
  @OptionalTimestamp({ description: 'When the fault ended (ISO 8601 with offset); defaults to now' }) resolvedAt?: string;
}

export class FaultAnalysisDto {
  @Text(4000) impact!: string;
  @Text(4000) handling!: string;
  @Text(4000) rootCause!: string;
  @Text(4000) correctiveMeasures!: string;
  @Text(4000) preventiveMeasures!: string;
  @OptionalText(100, { description: 'Business department receiving the report (default business-dept)' }) businessDepartment?: string;
}

export class OpenCollaborationDto {
  @Text(2000) subject!: string;
  @Text(100, { description: 'The department that asked for the collaboration and leads it' }) requestingDepartment!: string;
  // Bounded like every department name: a longer one could never submit its opinion (DepartmentOpinionDto).
  @ApiProperty({ type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, minItems: 1, maxItems: 20 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(100, { each: true })
  cooperatingDepartments!: string[];
  @OptionalText(100) supervisingDepartment?: string;
}

export class RaiseDisputeDto {
  @Text(4000) description!: string;
}

export class DepartmentOpinionDto {
  @Text(100, { description: "The caller's own department" }) department!: string;
  @Text(4000) opinion!: string;
}

export class RuleOnDisputeDto {
  @Text(4000) ruling!: string;
}

export class CompletionDto {
  @Text(4000) summary!: string;
}
