import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  FINDING_SEVERITIES,
  MAX_SCORE,
  MIN_SCORE,
  SURVEY_METHODS,
  VISIT_FEEDBACK_KINDS,
  type FindingSeverity,
  type SurveyMethod,
  type VisitFeedbackKind,
} from '@ebp/service-desk-domain';
import { EntityId, OneOf, OptionalEntityId, OptionalText, Text, Timestamp } from '@ebp/shared-nest';

const SCORE = { type: 'integer', minimum: MIN_SCORE, maximum: MAX_SCORE } as const;

export class InspectionFindingDto {
  @Text(4000, { description: 'What the inspection found' }) description!: string;
  @OneOf(FINDING_SEVERITIES) severity!: FindingSeverity;
}

export class RecordInspectionDto {
  @EntityId({ description: 'A registered project' }) projectId!: string;
  @Timestamp() inspectedAt!: string;
  @ApiProperty({ type: [InspectionFindingDto], maxItems: 100, description: 'Each finding becomes an on-site service-request ticket' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => InspectionFindingDto) findings!: InspectionFindingDto[];
}

export class SurveyScoresDto {
  @ApiProperty({ ...SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) installation!: number;
  @ApiProperty({ ...SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) 'system-operation'!: number;
  @ApiProperty({ ...SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) implementation!: number;
  @ApiProperty({ ...SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) 'after-sales-service'!: number;
  @ApiProperty({ ...SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) training!: number;
}

export class RecordSatisfactionSurveyDto {
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @OptionalEntityId({ description: "One of the customer's projects" }) projectId?: string;
  @OneOf(SURVEY_METHODS) method!: SurveyMethod;
  @Timestamp() surveyedAt!: string;
  @ApiProperty({ type: SurveyScoresDto, description: 'Scores 1–5; any at or below the policy threshold opens a follow-up ticket' })
  @ValidateNested() @Type(() => SurveyScoresDto) scores!: SurveyScoresDto;
  @OptionalText(4000) comment?: string;
}

export class OpenResearchVisitDto {
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @Timestamp() visitedAt!: string;
}

export class RecordVisitFeedbackDto {
  @OneOf(VISIT_FEEDBACK_KINDS, { description: 'A complaint becomes a complaint ticket' }) kind!: VisitFeedbackKind;
  @Text(4000) text!: string;
}

export class CloseResearchVisitDto {
  // Not-empty is checked by the domain so the refusal names SD-16.
  @ApiProperty({ type: String, maxLength: 8000, description: 'Required (SD-16)' }) @IsString() @MaxLength(8000) summary!: string;
  @ApiProperty({ type: String, maxLength: 8000, description: 'Required (SD-16)' }) @IsString() @MaxLength(8000) solutionPlan!: string;
}
